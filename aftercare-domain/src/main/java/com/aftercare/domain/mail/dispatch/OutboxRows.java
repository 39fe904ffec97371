package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.shared.LeasedRows;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * for a group of mails at once): the outbox states shared with LINE's ({@link LeasedRows}), plus
 * what only mail has (which mails may be claimed, the Message-ID of a sent mail).
 * Every change to a claimed mail is guarded by {@code claimed_by = :me}: a dispatcher that stalled
 * past its lease and was taken over then changes nothing.
 */
@Repository
class OutboxRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final LeasedRows rows;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new LeasedRows(jdbc, "outbound_mail");
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
        return rows.claim(
                """
                -- an opt-out takes effect even for mail already queued
                and (kind = 'TRANSACTIONAL'
                     or exists (select 1 from customer c
                                 where c.id = outbound_mail.customer_id
                                   and c.promotional_consent))
                -- enqueued while the address was being marked as bouncing
                and not exists (select 1 from mail_suppression b
                                 where b.address = lower(outbound_mail.to_address)
                                   and b.cleared_at is null)
                """,
                "id, kind, due_at, storefront_id, to_address, subject, text_body, html_body, headers::text as headers, attempts, "
                        + "next_attempt_at",
                me,
                lease,
                limit,
                (rs, row) -> new ClaimedMail(
                        rs.getLong("id"),
                        MailKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("due_at").toInstant(),
                        (Long) rs.getObject("storefront_id"),
                        rs.getString("to_address"),
                        rs.getString("subject"),
                        rs.getString("text_body"),
                        rs.getString("html_body"),
                        JSON.readValue(rs.getString("headers"), HEADERS),
                        rs.getInt("attempts")));
    }

    /**
     * Parks mails whose dispatcher vanished while handing them to SMTP. Whether the server took
     * them is unknown, so they wait for an operator instead of being sent again.
     */
    int parkAbandonedInFlight() {
        return rows.parkAbandonedInFlight("handing the mail to SMTP");
    }

    /**
     * Marks a group of claimed mails as being handed over now, in one statement, and renews their
     * lease.
     *
     * @return the ids that are still ours; the others were taken over by another dispatcher
     */
    Set<Long> markInFlight(Collection<Long> ids, String me, Duration lease) {
        return rows.markInFlight(ids, me, lease);
    }

    /**
     * Records the server's acceptance of each mail with its Message-ID, in one statement. UNKNOWN
     * is accepted too: if our lease ran out during a slow hand-over and another dispatcher parked
     * the mail, the 250 reply we did get is the truth. {@code at} is the platform's clock, as every
     * service stamps what it does (a customer's timeline shows it); the demo's replayed past relies
     * on it to send each mail at the moment it was due.
     *
     * @return how many rows were still ours to record
     */
    int markSent(List<AcceptedMail> accepted, String me, Instant at) {
        if (accepted.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update outbound_mail o
                           set status = 'SENT', message_id = a.message_id, sent_at = :at, lease_until = null,
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
                // pgjdbc binds OffsetDateTime as timestamptz; it has no mapping for Instant
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** A mail the SMTP server answered with 250, under the Message-ID we gave it. */
    record AcceptedMail(long id, String messageId) {}

    /** A temporary failure: back to PENDING after {@code delay}. */
    void retryLater(long id, String me, String error, Duration delay) {
        rows.retryLater(id, me, error, delay);
    }

    /**
     * Puts mails back to wait for {@code delay} without counting an attempt: nothing was tried
     * on them (their relay could not be reached).
     */
    void postpone(Collection<Long> ids, String me, String error, Duration delay) {
        rows.postpone(ids, me, error, delay);
    }

    /** Refused for good, or out of attempts. */
    void fail(long id, String me, String error) {
        rows.fail(id, me, error);
    }

    /** Handed over but no reply: parked for an operator. */
    void park(long id, String me, String error) {
        rows.park(id, me, error);
    }

    /**
     * Gives back mails that never reached the server (the connection broke before their turn):
     * PENDING again, due as before, no attempt counted.
     */
    void giveBack(Collection<Long> ids, String me) {
        rows.giveBack(ids, me);
    }
}
