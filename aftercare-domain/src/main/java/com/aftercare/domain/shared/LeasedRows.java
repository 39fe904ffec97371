package com.aftercare.domain.shared;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The state changes every durable outbox of ours shares (mail, LINE): a row is PENDING until due,
 * CLAIMED by one dispatcher under a lease, IN_FLIGHT while it is handed over, then SENT, FAILED or
 * UNKNOWN (handed over, outcome not known: parked for an operator, never sent again on its own).
 * One autocommitted statement each. Every change to a claimed row is guarded by
 * {@code claimed_by = :me}: a dispatcher that stalled past its lease and was taken over then
 * changes nothing. The table needs the columns {@code id, status, claimed_by, lease_until,
 * attempts, next_attempt_at, last_error, updated_at} and partial indexes on PENDING
 * ({@code next_attempt_at}) and CLAIMED ({@code lease_until}).
 */
public final class LeasedRows {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final String table;

    /** @param table the outbox table, a plain name of ours (it is put into the SQL) */
    public LeasedRows(JdbcClient jdbc, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * Claims due rows, and rows whose claim ran out before they were handed over, in one
     * statement, oldest due first. SKIP LOCKED lets several dispatchers claim side by side without
     * waiting for each other. Each kind is looked up through its own partial index, in order and
     * with the limit: one query for both (an OR) could use neither index in order, and sorted every
     * due row on each claim, which grows with the backlog.
     *
     * @param dueFilter more conditions a PENDING row must meet ({@code and …}, may name the table), or ""
     * @param returning the columns the mapper reads (must include {@code next_attempt_at} and {@code id})
     */
    public <T> List<T> claim(
            String dueFilter, String returning, String me, Duration lease, int limit, RowMapper<T> mapper) {
        // the last CTE only puts the claimed rows in due order: RETURNING alone has no order
        return jdbc.sql("""
                        with due as (
                            select id, next_attempt_at from %1$s
                             where status = 'PENDING' and next_attempt_at <= now()
                               %2$s
                             order by next_attempt_at
                             limit :limit
                             for update skip locked
                        ), expired as (
                            select id, next_attempt_at from %1$s
                             where status = 'CLAIMED' and lease_until < now()
                             order by lease_until
                             limit :limit
                             for update skip locked
                        ), claimed as (
                            update %1$s
                               set status = 'CLAIMED', claimed_by = :me,
                                   lease_until = now() + :leaseMillis * interval '1 millisecond', updated_at = now()
                             where id in (select id from (select * from due union all select * from expired) candidate
                                           order by next_attempt_at
                                           limit :limit)
                            returning %3$s)
                        select * from claimed order by next_attempt_at, id
                        """.formatted(table, dueFilter, returning))
                .param("me", me)
                .param("leaseMillis", lease.toMillis())
                .param("limit", limit)
                .query(mapper)
                .list();
    }

    /**
     * Parks rows whose dispatcher vanished while handing them over. Whether the other side took
     * them is unknown, so they wait for an operator instead of being sent again.
     *
     * @param handingOver what was being done, for the operator ("handing the mail to SMTP")
     */
    public int parkAbandonedInFlight(String handingOver) {
        return jdbc.sql("""
                        update %s
                           set status = 'UNKNOWN', attempts = attempts + 1, updated_at = now(),
                               last_error = 'lease of ' || claimed_by || ' ran out while ' || :what
                         where status = 'IN_FLIGHT' and lease_until < now()
                        """.formatted(table)).param("what", handingOver).update();
    }

    /**
     * Marks claimed rows as being handed over now, in one statement, and renews their lease.
     *
     * @return the ids that are still ours; the others were taken over by another dispatcher
     */
    public Set<Long> markInFlight(Collection<Long> ids, String me, Duration lease) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        update %s
                           set status = 'IN_FLIGHT',
                               lease_until = now() + :leaseMillis * interval '1 millisecond', updated_at = now()
                         where id in (:ids) and claimed_by = :me and status = 'CLAIMED'
                        returning id
                        """.formatted(table))
                .param("ids", ids)
                .param("me", me)
                .param("leaseMillis", lease.toMillis())
                .query(Long.class)
                .list());
    }

    /** A temporary failure: back to PENDING after {@code delay}, one attempt counted. */
    public void retryLater(long id, String me, String error, Duration delay) {
        jdbc.sql("""
                        update %s
                           set status = 'PENDING', attempts = attempts + 1, last_error = :error,
                               next_attempt_at = now() + :delayMillis * interval '1 millisecond',
                               claimed_by = null, lease_until = null, updated_at = now()
                         where id = :id and claimed_by = :me and status in ('CLAIMED', 'IN_FLIGHT')
                        """.formatted(table))
                .param("id", id)
                .param("me", me)
                .param("error", truncate(error))
                .param("delayMillis", delay.toMillis())
                .update();
    }

    /**
     * Puts rows back to wait for {@code delay} without counting an attempt: nothing was tried on
     * them (the other side could not be reached, or asked us to wait).
     */
    public void postpone(Collection<Long> ids, String me, String error, Duration delay) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update %s
                           set status = 'PENDING', last_error = :error,
                               next_attempt_at = now() + :delayMillis * interval '1 millisecond',
                               claimed_by = null, lease_until = null, updated_at = now()
                         where id in (:ids) and claimed_by = :me and status in ('CLAIMED', 'IN_FLIGHT')
                        """.formatted(table))
                .param("ids", ids)
                .param("me", me)
                .param("error", truncate(error))
                .param("delayMillis", delay.toMillis())
                .update();
    }

    /** Refused for good, or out of attempts. */
    public void fail(long id, String me, String error) {
        finish(id, me, "FAILED", error);
    }

    /** Handed over but no answer: parked for an operator. */
    public void park(long id, String me, String error) {
        finish(id, me, "UNKNOWN", error);
    }

    private void finish(long id, String me, String status, String error) {
        jdbc.sql("""
                        update %s
                           set status = :status, attempts = attempts + 1, last_error = :error,
                               lease_until = null, updated_at = now()
                         where id = :id and claimed_by = :me and status in ('CLAIMED', 'IN_FLIGHT')
                        """.formatted(table))
                .param("id", id)
                .param("me", me)
                .param("status", status)
                .param("error", truncate(error))
                .update();
    }

    /**
     * Gives back rows that never reached the other side (the connection broke before their turn):
     * PENDING again, due as before, no attempt counted.
     */
    public void giveBack(Collection<Long> ids, String me) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update %s
                           set status = 'PENDING', claimed_by = null, lease_until = null, updated_at = now()
                         where id in (:ids) and claimed_by = :me and status in ('CLAIMED', 'IN_FLIGHT')
                        """.formatted(table)).param("ids", ids).param("me", me).update();
    }

    /** An error text short enough for the row. */
    public static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
