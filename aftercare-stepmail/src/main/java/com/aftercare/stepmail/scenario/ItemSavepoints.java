package com.aftercare.stepmail.scenario;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * One item of a batch in a savepoint of the batch's transaction. In PostgreSQL a failed statement
 * aborts the whole transaction: without the savepoint, one mail whose preparation hits a database
 * error would roll back the round and come first again in the next one, stopping the queue for
 * good. With it, that item's writes are undone and the round goes on.
 *
 * <p>A JDBC savepoint on the transaction's own connection (Hibernate's JPA dialect offers none):
 * the items write with JDBC only (the outbox, step-mail and delivery rows, coupons), so the
 * savepoint undoes all they wrote; what they read through JPA stays read-only.
 */
@Component
public class ItemSavepoints {

    private final DataSource dataSource;

    ItemSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code item} in a savepoint of the current transaction; when it fails, rolls back to the
     * savepoint and hands the failure to {@code failed}, which may write (the transaction is fine).
     * Call it inside a transaction.
     */
    public void run(Runnable item, Consumer<RuntimeException> failed) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint = savepoint(connection);
        try {
            item.run();
        } catch (RuntimeException e) {
            rollBack(connection, savepoint);
            failed.accept(e);
            return;
        }
        release(connection, savepoint);
    }

    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not set a savepoint", e);
        }
    }

    private static void rollBack(Connection connection, Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not roll back to a savepoint", e);
        }
    }

    private static void release(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not release a savepoint", e);
        }
    }
}
