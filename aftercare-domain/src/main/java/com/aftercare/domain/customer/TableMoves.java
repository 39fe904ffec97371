package com.aftercare.domain.customer;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The usual {@link MergeableRecords} of a module: one kind counted in one table, and statements
 * that move rows with {@code :from} and {@code :into}. Each module subclasses it over its own tables.
 */
public abstract class TableMoves implements MergeableRecords {

    private final JdbcClient jdbc;
    private final String kind;
    private final String countedTable;
    private final List<String> moves;

    protected TableMoves(JdbcClient jdbc, String kind, String countedTable, String... moves) {
        this.jdbc = jdbc;
        this.kind = kind;
        this.countedTable = countedTable;
        this.moves = List.of(moves);
    }

    /** Every row of {@code table} moves. */
    protected static String all(String table) {
        return "update " + table + " set customer_id = :into where customer_id = :from";
    }

    @Override
    public Map<String, Integer> countsOf(CustomerId customer) {
        return Map.of(
                kind,
                jdbc.sql("select count(*) from " + countedTable + " where customer_id = :id")
                        .param("id", customer.value())
                        .query(Integer.class)
                        .single());
    }

    @Override
    public void move(CustomerId from, CustomerId into) {
        moves.forEach(sql -> jdbc.sql(sql)
                .param("into", into.value())
                .param("from", from.value())
                .update());
    }
}
