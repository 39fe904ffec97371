package com.aftercare.domain.webhook;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was sent to a storefront's webhooks, for the console: status, attempts, the receiver's
 * last answer, the next attempt; and an operator's resend, which queues the delivery again with
 * the same {@code webhook-id} (a receiver that already has it drops it) and a fresh retry window.
 */
@Service
public class WebhookDeliveries {

    /** One delivery as the console shows it. */
    public record Delivery(
            long id,
            long subscriptionId,
            String url,
            String eventType,
            String messageId,
            String status,
            int attempts,
            Integer lastStatus,
            String lastResponse,
            String lastError,
            Instant nextAttemptAt,
            Instant createdAt,
            Instant deliveredAt) {

        public boolean resendable() {
            return status.equals("DELIVERED") || status.equals("FAILED") || status.equals("CANCELLED");
        }
    }

    /**
     * A delivery as an operator reads it on the message it carries: QUEUED (not tried yet, or being
     * sent), FAILING (tried, retried later), DELIVERED, PARKED (given up or cancelled; an admin can
     * resend it from the storefront's webhook screen).
     */
    public enum State {
        DELIVERED,
        FAILING,
        QUEUED,
        PARKED;

        static State of(String status, int attempts) {
            return switch (status) {
                case "DELIVERED" -> DELIVERED;
                case "FAILED", "CANCELLED" -> PARKED;
                default -> attempts > 0 ? FAILING : QUEUED;
            };
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final WebhookProperties properties;

    WebhookDeliveries(JdbcClient jdbc, AuditLog audit, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    /** The storefront's latest deliveries, newest first. */
    @Transactional(readOnly = true)
    public List<Delivery> recent(StorefrontId storefront, int limit) {
        return jdbc.sql("""
                        select d.id, d.subscription_id, s.url, d.event_type, d.message_id, d.status, d.attempts,
                               d.last_status, d.last_response, d.last_error, d.next_attempt_at, d.created_at,
                               d.delivered_at
                          from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                         where d.storefront_id = :storefront
                         order by d.id desc
                         limit :limit
                        """)
                .param("storefront", storefront.value())
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query(WebhookDeliveries::delivery)
                .list();
    }

    /**
     * The state of the deliveries about each subject (see {@code WebhookOutbox}); with several
     * subscriptions, the one that got furthest speaks (delivered to one receiver is delivered).
     */
    @Transactional(readOnly = true)
    public Map<String, State> states(Collection<String> subjects) {
        Map<String, State> states = new HashMap<>();
        if (subjects.isEmpty()) {
            return states;
        }
        jdbc.sql("select subject, status, attempts from webhook_delivery where subject in (:subjects)")
                .param("subjects", subjects)
                .query((rs, i) -> Map.entry(rs.getString(1), State.of(rs.getString(2), rs.getInt(3))))
                .list()
                .forEach(e -> states.merge(e.getKey(), e.getValue(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
        return states;
    }

    /**
     * Queues a finished delivery again, due now (audited).
     *
     * @throws NotFound when it is not the storefront's
     * @throws InvalidValue when it is still being retried, or its subscription is deleted or disabled
     */
    @Transactional
    public void resend(StorefrontId storefront, long id, String by) {
        String status = jdbc.sql("""
                        select case when s.deleted_at is not null or s.disabled_at is not null then 'DEAD'
                                    else d.status end
                          from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                         where d.id = :id and d.storefront_id = :storefront
                           for update of d
                        """)
                .param("id", id)
                .param("storefront", storefront.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> NotFound.webhookDelivery(id));
        if (status.equals("DEAD")) {
            throw new InvalidValue("delivery", "its subscription is deleted or disabled");
        }
        if (status.equals("PENDING") || status.equals("DELIVERING")) {
            throw new InvalidValue("delivery", "is still being delivered");
        }
        jdbc.sql("""
                        update webhook_delivery
                           set status = 'PENDING', next_attempt_at = now(),
                               give_up_at = now() + :retryMillis * interval '1 millisecond',
                               claimed_by = null, lease_until = null, updated_at = now()
                         where id = :id
                        """)
                .param("id", id)
                .param("retryMillis", properties.retryFor().toMillis())
                .update();
        audit.record(
                by,
                "webhook.delivery.resent",
                "webhook-delivery",
                Long.toString(id),
                AuditLog.details("storefront", storefront.value(), "previousStatus", status));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getLong("subscription_id"),
                rs.getString("url"),
                rs.getString("event_type"),
                rs.getString("message_id"),
                rs.getString("status"),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_response"),
                rs.getString("last_error"),
                instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("delivered_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
