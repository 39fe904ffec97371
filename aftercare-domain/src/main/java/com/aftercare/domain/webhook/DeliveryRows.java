package com.aftercare.domain.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispatcher's state changes on {@code webhook_delivery}, one autocommitted statement each.
 * Every change to a claimed delivery is guarded by {@code claimed_by = :me}: a dispatcher that
 * stalled past its lease and was taken over then changes nothing.
 */
@Repository
class DeliveryRows {

    private static final int MAX_TEXT = 1000;

    /** A claimed delivery with what sending it needs. */
    record Claimed(
            long id,
            long subscriptionId,
            String messageId,
            String payload,
            int attempts,
            String url,
            byte[] sealedSecret) {}

    private final JdbcClient jdbc;

    DeliveryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims due deliveries, and deliveries whose claim ran out (their dispatcher died or stalled:
     * whether the receiver got them is unknown, so they are sent again, which at-least-once
     * allows), oldest due first. SKIP LOCKED lets several instances claim side by side; each kind
     * is read through its own partial index, as the mail outbox does.
     */
    List<Claimed> claim(String me, Duration lease, int limit) {
        return jdbc.sql("""
                        with due as (
                            select id, next_attempt_at from webhook_delivery
                             where status = 'PENDING' and next_attempt_at <= now()
                             order by next_attempt_at
                             limit :limit
                             for update skip locked
                        ), expired as (
                            select id, next_attempt_at from webhook_delivery
                             where status = 'DELIVERING' and lease_until < now()
                             order by lease_until
                             limit :limit
                             for update skip locked
                        ), dead as (
                            -- a subscription deleted or disabled while one of its deliveries was out: nothing more goes
                            update webhook_delivery d
                               set status = 'CANCELLED', claimed_by = null, lease_until = null, updated_at = now()
                              from webhook_subscription s
                             where d.id in (select id from due union all select id from expired)
                               and s.id = d.subscription_id
                               and (s.deleted_at is not null or s.disabled_at is not null)
                            returning d.id
                        ), overdue as (
                            -- an attempt that never came back (its instance died) still counts, and the window still ends
                            update webhook_delivery d
                               set status = 'FAILED', attempts = attempts + 1, claimed_by = null, lease_until = null,
                                   last_error = 'no answer recorded before the retry window ended', updated_at = now()
                             where d.id in (select id from expired) and d.id not in (select id from dead)
                               and d.give_up_at < now()
                            returning d.id
                        ), claimed as (
                            update webhook_delivery d
                               set status = 'DELIVERING', claimed_by = :me,
                                   attempts = attempts + case when d.status = 'DELIVERING' then 1 else 0 end,
                                   lease_until = now() + :leaseMillis * interval '1 millisecond', updated_at = now()
                             where d.id in (select id from (select * from due union all select * from expired) candidate
                                             where id not in (select id from dead) and id not in (select id from overdue)
                                             order by next_attempt_at
                                             limit :limit)
                            returning d.id, d.subscription_id, d.message_id, d.payload, d.attempts, d.next_attempt_at)
                        select c.id, c.subscription_id, c.message_id, c.payload, c.attempts, s.url, s.secret_enc
                          from claimed c join webhook_subscription s on s.id = c.subscription_id
                         order by c.next_attempt_at, c.id
                        """)
                .param("me", me)
                .param("leaseMillis", lease.toMillis())
                .param("limit", limit)
                .query((rs, row) -> new Claimed(
                        rs.getLong("id"),
                        rs.getLong("subscription_id"),
                        rs.getString("message_id"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        rs.getString("url"),
                        rs.getBytes("secret_enc")))
                .list();
    }

    /** The receiver answered 2xx. */
    void delivered(long id, String me, int status, String response) {
        jdbc.sql("""
                        update webhook_delivery
                           set status = 'DELIVERED', attempts = attempts + 1, last_status = :status,
                               last_response = :response, last_error = null, delivered_at = now(),
                               lease_until = null, updated_at = now()
                         where id = :id and claimed_by = :me and status = 'DELIVERING'
                        """)
                .param("id", id)
                .param("me", me)
                .param("status", status)
                .param("response", truncate(response))
                .update();
    }

    /**
     * A failed attempt: PENDING again after {@code delay}, or FAILED when that would be past the
     * delivery's retry window.
     */
    void failedAttempt(long id, String me, Integer status, String response, String error, Duration delay) {
        jdbc.sql("""
                        update webhook_delivery
                           set status = case when exists (select 1 from webhook_subscription s
                                                           where s.id = subscription_id
                                                             and (s.deleted_at is not null or s.disabled_at is not null))
                                             then 'CANCELLED'
                                             when now() + :delayMillis * interval '1 millisecond' > give_up_at
                                             then 'FAILED' else 'PENDING' end,
                               attempts = attempts + 1, last_status = :status, last_response = :response,
                               last_error = :error,
                               next_attempt_at = now() + :delayMillis * interval '1 millisecond',
                               claimed_by = null, lease_until = null, updated_at = now()
                         where id = :id and claimed_by = :me and status = 'DELIVERING'
                        """)
                .param("id", id)
                .param("me", me)
                .param("status", status)
                .param("response", truncate(response))
                .param("error", truncate(error))
                .param("delayMillis", delay.toMillis())
                .update();
    }

    /** Refused for good (the target points inward now): FAILED without retrying. */
    void refused(long id, String me, String error) {
        jdbc.sql("""
                        update webhook_delivery
                           set status = 'FAILED', last_error = :error, lease_until = null, updated_at = now()
                         where id = :id and claimed_by = :me and status = 'DELIVERING'
                        """)
                .param("id", id)
                .param("me", me)
                .param("error", truncate(error))
                .update();
    }

    /**
     * The receiver answered 410 Gone: this delivery fails, the subscription is disabled and what
     * was waiting for it is cancelled, as Standard Webhooks asks of a sender (including the rest of
     * this dispatcher's batch for it, which {@link WebhookDispatcher} then skips).
     */
    void gone(long id, String me, String response) {
        // one statement: the three changes happen together or not at all
        jdbc.sql("""
                        with mine as (
                            update webhook_delivery
                               set status = 'FAILED', attempts = attempts + 1, last_status = 410,
                                   last_response = :response,
                                   last_error = 'receiver answered 410 Gone: subscription disabled',
                                   lease_until = null, updated_at = now()
                             where id = :id and claimed_by = :me and status = 'DELIVERING'
                            returning subscription_id
                        ), disabled as (
                            update webhook_subscription set disabled_at = now(), disabled_why = 'receiver answered 410 Gone'
                             where id in (select subscription_id from mine) and disabled_at is null
                            returning id
                        )
                        update webhook_delivery set status = 'CANCELLED',
                               last_error = 'subscription disabled (410 Gone)', updated_at = now()
                         where subscription_id in (select subscription_id from mine)
                           and (status = 'PENDING' or (status = 'DELIVERING' and claimed_by = :me and id <> :id))
                        """)
                .param("id", id)
                .param("me", me)
                .param("response", truncate(response))
                .update();
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
