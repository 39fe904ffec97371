package com.aftercare.domain.webhook;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one event into one delivery row per live subscription of its storefronts that wants it,
 * in the caller's transaction: the rows commit with the change they announce, or not at all.
 * The body is written here once and kept as sent, so every attempt signs the same bytes.
 */
@Component
class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final WebhookProperties properties;

    WebhookOutbox(JdbcClient jdbc, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * @param data the event's {@code data} object
     * @return how many deliveries were queued
     */
    int enqueue(WebhookEvent type, Collection<StorefrontId> storefronts, Instant occurredAt, Map<String, Object> data) {
        return enqueue(type, storefronts, occurredAt, data, null);
    }

    /**
     * @param subject what the delivery is about, for a screen that shows its state (null: nothing
     *     looks it up one by one)
     */
    int enqueue(
            WebhookEvent type,
            Collection<StorefrontId> storefronts,
            Instant occurredAt,
            Map<String, Object> data,
            String subject) {
        if (storefronts.isEmpty()) {
            return 0;
        }
        List<long[]> subscriptions = jdbc.sql("""
                        select id, storefront_id from webhook_subscription
                         where storefront_id in (:storefronts) and deleted_at is null and disabled_at is null
                           and :type = any (events)
                         order by id
                        """)
                .param(
                        "storefronts",
                        storefronts.stream().map(StorefrontId::value).toList())
                .param("type", type.wireName())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        if (subscriptions.isEmpty()) {
            return 0;
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type.wireName());
        envelope.put("timestamp", occurredAt.toString());
        envelope.put("data", data);
        String body = JSON.writeValueAsString(envelope);
        jdbc.sql("""
                        insert into webhook_delivery (subscription_id, storefront_id, message_id, event_type, payload,
                                                      give_up_at, subject)
                        select s.id, s.storefront_id, s.message_id, :type, :payload,
                               now() + :retryMillis * interval '1 millisecond', :subject
                          from (values :subscriptions) as s (id, storefront_id, message_id)
                        """)
                .param("type", type.wireName())
                .param("payload", body)
                .param("retryMillis", properties.retryFor().toMillis())
                .param("subject", subject)
                .param(
                        "subscriptions",
                        subscriptions.stream()
                                .map(s -> new Object[] {s[0], s[1], newMessageId()})
                                .toList())
                .update();
        return subscriptions.size();
    }

    /**
     * The storefronts that know a customer (by an account or an order there), for events about a
     * customer rather than one storefront's order. Read from the domain's read models.
     */
    List<StorefrontId> storefrontsOf(CustomerId customer) {
        return jdbc.sql("""
                        select storefront_id from customer_storefront_view where customer_id = :customer
                        union
                        select storefront_id from order_view where customer_id = :customer
                        """).param("customer", customer.value()).query(Long.class).list().stream()
                .map(StorefrontId::new)
                .toList();
    }

    Optional<StorefrontId> storefrontOf(OrderId order) {
        return jdbc.sql("select storefront_id from order_view where id = :order")
                .param("order", order.value())
                .query(Long.class)
                .optional()
                .map(StorefrontId::new);
    }

    /** The webhook-id: unique per delivery, the same on every attempt of it. */
    private static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }
}
