package com.aftercare.domain.webhook;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Secrets;
import com.aftercare.domain.storefront.StorefrontId;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A storefront's webhook subscriptions: a URL and the events it wants. Subscribing checks the URL
 * (https, not pointing inward unless the host is allowed: {@link WebhookTargets}) and the event
 * names, then answers the signing secret once; only its sealed form is kept. A refusal is an
 * {@link InvalidValue} naming the field and writes nothing. Every change is audited.
 */
@Service
public class WebhookSubscriptions {

    /** A subscription as shown to its storefront and the console; never with its secret. */
    public record Subscription(
            long id,
            StorefrontId storefront,
            String url,
            List<String> events,
            Instant createdAt,
            String createdBy,
            Instant disabledAt,
            String disabledWhy) {

        public boolean live() {
            return disabledAt == null;
        }
    }

    /** A new subscription and its signing secret, which is never shown again. */
    public record Created(Subscription subscription, String secret) {}

    private final JdbcClient jdbc;
    private final WebhookTargets targets;
    private final Secrets secrets;
    private final AuditLog audit;
    private final WebhookProperties properties;

    WebhookSubscriptions(
            JdbcClient jdbc, WebhookTargets targets, Secrets secrets, AuditLog audit, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.secrets = secrets;
        this.audit = audit;
        this.properties = properties;
    }

    /** The row a sealed secret belongs to: it opens only there. */
    static String secretRow(long subscriptionId) {
        return "webhook-subscription:" + subscriptionId;
    }

    /**
     * Subscribes {@code url} to {@code events} for the storefront.
     *
     * @param by who did it, for the audit log ({@code api-key:…} or an operator)
     */
    @Transactional
    public Created subscribe(StorefrontId storefront, String url, List<String> events, String by) {
        URI uri = targets.requireSendable("url", url);
        List<String> names = checkedEvents(events);
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('webhook-subscriptions:' || :storefront, 0))")
                .param("storefront", storefront.value())
                .query(Object.class)
                .single();
        long existing = jdbc.sql("""
                        select count(*) from webhook_subscription where storefront_id = :storefront and deleted_at is null
                        """)
                .param("storefront", storefront.value())
                .query(Long.class)
                .single();
        if (existing >= properties.maxSubscriptions()) {
            throw new InvalidValue(
                    "url", "too many subscriptions: at most " + properties.maxSubscriptions() + " per storefront");
        }
        long id = jdbc.sql("select nextval('webhook_subscription_id_seq')")
                .query(Long.class)
                .single();
        String secret = WebhookSignature.newSecret();
        byte[] sealed = secrets.seal(secret, secretRow(id), "secret");
        jdbc.sql("""
                        insert into webhook_subscription (id, storefront_id, url, events, secret_enc, created_by)
                        values (:id, :storefront, :url, :events, :secret, :by)
                        """)
                .param("id", id)
                .param("storefront", storefront.value())
                .param("url", uri.toString())
                .param("events", names.toArray(String[]::new))
                .param("secret", sealed)
                .param("by", by)
                .update();
        audit.record(
                by,
                "webhook.subscription.created",
                "webhook-subscription",
                Long.toString(id),
                AuditLog.details("storefront", storefront.value(), "url", uri.toString(), "events", names));
        return new Created(find(storefront, id), secret);
    }

    /** Whether a live subscription of the storefront takes {@code event}: else nothing would carry it. */
    @Transactional(readOnly = true)
    public boolean wants(StorefrontId storefront, WebhookEvent event) {
        return jdbc.sql("""
                        select exists (select 1 from webhook_subscription
                                        where storefront_id = :storefront and deleted_at is null
                                          and disabled_at is null and :type = any (events))
                        """)
                .param("storefront", storefront.value())
                .param("type", event.wireName())
                .query(Boolean.class)
                .single();
    }

    /** The storefront's subscriptions (deleted ones left out), oldest first. */
    @Transactional(readOnly = true)
    public List<Subscription> of(StorefrontId storefront) {
        return jdbc.sql("""
                        select id, storefront_id, url, events, created_at, created_by, disabled_at, disabled_why
                          from webhook_subscription
                         where storefront_id = :storefront and deleted_at is null
                         order by id
                        """)
                .param("storefront", storefront.value())
                .query(WebhookSubscriptions::subscription)
                .list();
    }

    /**
     * Deletes the storefront's subscription; what was waiting to be sent to it is cancelled.
     *
     * @throws NotFound when it is not this storefront's (or is gone already)
     */
    @Transactional
    public void delete(StorefrontId storefront, long id, String by) {
        int deleted = jdbc.sql("""
                        update webhook_subscription set deleted_at = now(), deleted_by = :by
                         where id = :id and storefront_id = :storefront and deleted_at is null
                        """)
                .param("id", id)
                .param("storefront", storefront.value())
                .param("by", by)
                .update();
        if (deleted == 0) {
            throw NotFound.webhookSubscription(id);
        }
        jdbc.sql("""
                        update webhook_delivery set status = 'CANCELLED', last_error = 'subscription deleted',
                               claimed_by = null, lease_until = null, updated_at = now()
                         where subscription_id = :id and status = 'PENDING'
                        """).param("id", id).update();
        audit.record(
                by,
                "webhook.subscription.deleted",
                "webhook-subscription",
                Long.toString(id),
                Map.of("storefront", storefront.value()));
    }

    private Subscription find(StorefrontId storefront, long id) {
        return of(storefront).stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(() -> NotFound.webhookSubscription(id));
    }

    private static List<String> checkedEvents(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidValue(
                    "events", "must name at least one event: " + String.join(", ", WebhookEvent.wireNames()));
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String name = events.get(i);
            if (name == null || WebhookEvent.ofWireName(name).isEmpty()) {
                throw new InvalidValue(
                        "events[" + i + "]",
                        "unknown event " + (name == null ? "null" : "'" + name + "'") + "; known: "
                                + String.join(", ", WebhookEvent.wireNames()));
            }
            names.add(name);
        }
        return new ArrayList<>(names);
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        Timestamp disabled = rs.getTimestamp("disabled_at");
        return new Subscription(
                rs.getLong("id"),
                new StorefrontId(rs.getLong("storefront_id")),
                rs.getString("url"),
                strings(rs.getArray("events")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                disabled == null ? null : disabled.toInstant(),
                rs.getString("disabled_why"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
