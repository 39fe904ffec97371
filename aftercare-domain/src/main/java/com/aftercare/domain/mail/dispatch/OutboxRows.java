package com.aftercare.domain.mail.dispatch;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatcher's state changes on {@code outbound_mail}, one autocommitted statement each (some
 * for a group of mails at once).
 * Every change to a claimed mail is guarded by {@code claimed_by = :me}: a dispatcher that stalled
 * past its lease and was taken over then changes nothing.
 */
@Repository
class OutboxRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims due mails, and mails whose claim ran out before they were handed to SMTP, in one
     * statement, oldest due first. SKIP LOCKED lets several dispatchers claim side by side without
     * waiting for each other. Each kind is looked up through its own partial index, in order and
     * with the limit: one query for both (an OR) could use neither index in order, and sorted every
     * due mail on each claim, which grows with the backlog (a million due mails: a full scan per
     * batch).
     */
    List<ClaimedMail> claim(String me, Duration lease, int limit) {
        // the last CTE only puts the claimed rows in due order: RETURNING alone has no order
        return jdbc.sql("""
                        with due as (
                            select id, next_attempt_at from outbound_mail
                             where status = 'PENDING' and next_attempt_at <= now()
                               -- an opt-out takes effect even for mail already queued
                               and (kind = 'TRANSACTIONAL'
                                    or exists (select 1 from customer c
                                                where c.id = outbound_mail.customer_id
                                                  and c.promotional_consent))
                               -- enqueued while the address was being marked as bouncing
                               and not exists (select 1 from mail_suppression b
                                                where b.address = lower(outbound_mail.to_address)
                                                  and b.cleared_at is null)
                             order by next_attempt_at
                             limit :limit
                             for update skip locked
                        ), expired as (
                            select id, next_attempt_at from outbound_mail
                             where status = 'CLAIMED' and lease_until < now()
                             order by lease_until
                             limit :limit
                             for update skip locked
                        ), claimed as (
                            update outbound_mail
                               set status = 'CLAIMED', claimed_by = :me,
                                   lease_until = now() + :leaseMillis * interval '1 millisecond', updated_at = now()
                             where id in (select id from (select * from due union all select * from expired) candidate
                                           order by next_attempt_at
                                           limit :limit)
                            returning id, storefront_id, to_address, subject, text_body, html_body, headers::text as headers,
                                      attempts, next_attempt_at)
                        select * from claimed order by next_attempt_at, id
                        """)
                .param("me", me)
                .param("leaseMillis", lease.toMillis())
                .param("limit", limit)
                .query((rs, row) -> new ClaimedMail(
                        rs.getLong("id"),
                        (Long) rs.getObject("storefront_id"),
                        rs.getString("to_address"),
                        rs.getString("subject"),
                        rs.getString("text_body"),
                        rs.getString("html_body"),
                        JSON.readValue(rs.getString("headers"), HEADERS),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Parks mails whose dispatcher vanished while handing them to SMTP. Whether the server took
     * them is unknown, so they wait for an operator instead of being sent again.
     */
    int parkAbandonedInFlight() {
        return jdbc.sql("""
                        update outbound_mail
                           set status = 'UNKNOWN', attempts = attempts + 1, updated_at = now(),
                               last_error = 'lease of ' || claimed_by || ' ran out while handing the mail to SMTP'
                         where status = 'IN_FLIGHT' and lease_until < now()
                        """).update();
    }

    /**
     * Marks a group of claimed mails as being handed over now, in one statement, and renews their
     * lease.
     *
     * @return the ids that are still ours; the others were taken over by another dispatcher
     */
    Set<Long> markInFlight(Collection<Long> ids, String me, Duration lease) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        update outbound_mail
                           set status = 'IN_FLIGHT',
                               lease_until = now() + :leaseMillis * interval '1 millisecond', updated_at = now()
                         where id in (:ids) and claimed_by = :me and status = 'CLAIMED'
                        returning id
                        """)
                .param("ids", ids)
                .param("me", me)
                .param("leaseMillis", lease.toMillis())
                .query(Long.class)
                .list());
    }

    /**
     * Records the server's acceptance of each mail with its Message-ID, in one statement. UNKNOWN
     * is accepted too: if our lease ran out during a slow hand-over and another dispatcher parked
     * the mail, the 250 reply we did get is the truth.
     *
     * @return how many rows were still ours to record
     */
    int markSent(List<AcceptedMail> accepted, String me) {
        if (accepted.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update outbound_mail o
                           set status = 'SENT', message_id = a.message_id, sent_at = now(), lease_until = null,
                               last_error = null, updated_at = now()
                          from (values :accepted) as a (id, message_id)
                         where o.id = a.id and o.claimed_by = :me and o.status in ('IN_FLIGHT', 'UNKNOWN')
                        """)
                .param(
                        "accepted",
                        accepted.stream()
                                .map(mail -> new Object[] {mail.id(), mail.messageId()})
                                .toList())
                .param("me", me)
                .update();
    }

    /** A mail the SMTP server answered with 250, under the Message-ID we gave it. */
    record AcceptedMail(long id, String messageId) {}

    /** A temporary failure: back to PENDING after {@code delay}. */
    void retryLater(long id, String me, String error, Duration delay) {
        jdbc.sql("""
                        update outbound_mail
                           set status = 'PENDING', attempts = attempts + 1, last_error = :error,
                               next_attempt_at = now() + :delayMillis * interval '1 millisecond',
                               claimed_by = null, lease_until = null, updated_at = now()
                         where id = :id and claimed_by = :me and status in ('CLAIMED', 'IN_FLIGHT')
                        """)
                .param("id", id)
                .param("me", me)
                .param("error", truncate(error))
                .param("delayMillis", delay.toMillis())
                .update();
    }

    /**
     * Puts mails back to wait for {@code delay} without counting an attempt: nothing was tried
     * on them (their relay could not be reached).
     */
    void postpone(Collection<Long> ids, String me, String error, Duration delay) {
        jdbc.sql("""
                        update outbound_mail
                           set status = 'PENDING', last_error = :error,
                               next_attempt_at = now() + :delayMillis * interval '1 millisecond',
                               claimed_by = null, lease_until = null, updated_at = now()
                         where id in (:ids) and claimed_by = :me and status = 'CLAIMED'
                        """)
                .param("ids", ids)
                .param("me", me)
                .param("error", truncate(error))
                .param("delayMillis", delay.toMillis())
                .update();
    }

    /** Refused for good, or out of attempts. */
    void fail(long id, String me, String error) {
        finish(id, me, "FAILED", error);
    }

    /** Handed over but no reply: parked for an operator. */
    void park(long id, String me, String error) {
        finish(id, me, "UNKNOWN", error);
    }

    private void finish(long id, String me, String status, String error) {
        jdbc.sql("""
                        update outbound_mail
                           set status = :status, attempts = attempts + 1, last_error = :error,
                               lease_until = null, updated_at = now()
                         where id = :id and claimed_by = :me and status in ('CLAIMED', 'IN_FLIGHT')
                        """)
                .param("id", id)
                .param("me", me)
                .param("status", status)
                .param("error", truncate(error))
                .update();
    }

    /**
     * Gives back mails that never reached the server (the connection broke before their turn):
     * PENDING again, due as before, no attempt counted.
     */
    void giveBack(Collection<Long> ids, String me) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update outbound_mail
                           set status = 'PENDING', claimed_by = null, lease_until = null, updated_at = now()
                         where id in (:ids) and claimed_by = :me and status in ('CLAIMED', 'IN_FLIGHT')
                        """).param("ids", ids).param("me", me).update();
    }

    private static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
