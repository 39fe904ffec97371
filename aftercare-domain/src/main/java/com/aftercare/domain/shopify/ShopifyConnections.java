package com.aftercare.domain.shopify;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.ConnectionSecrets;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Secrets;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A storefront connected to a Shopify store: the secret Shopify signs that store's webhooks with,
 * and how the store's payment gateways map to our payment methods. The secret must be readable to
 * check a signature, so it is kept encrypted ({@link Secrets}, bound to its storefront, through
 * {@link ConnectionSecrets} as LINE's is) rather than hashed, and never shown again: the console sees its last four characters. Every change is
 * audited as the acting admin, never with the secret.
 */
@Service
public class ShopifyConnections {

    private static final ConnectionSecrets.Table CONNECTION =
            new ConnectionSecrets.Table("shopify_connection", "webhook_secret", "shopify-webhook");

    private final JdbcClient jdbc;
    private final ConnectionSecrets secrets;
    private final AuditLog audit;
    private final Clock clock;

    ShopifyConnections(JdbcClient jdbc, ConnectionSecrets secrets, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What the console shows of a storefront's connection.
     *
     * @param secretHint the stored secret's last four characters, null when none is stored
     * @param gateways the storefront's own mapping, or {@link GatewayMapping#DEFAULTS} while it has none
     * @param defaultGateways true while the defaults stand in for a mapping of its own
     */
    public record Settings(
            StorefrontId storefront,
            String secretHint,
            Instant updatedAt,
            String updatedBy,
            List<GatewayMapping.Gateway> gateways,
            boolean defaultGateways) {

        public boolean connected() {
            return secretHint != null;
        }
    }

    /**
     * The storefront a webhook comes from, when it carries that storefront's Shopify signature.
     * Checked on the raw body, before anything reads it; an unknown storefront, one without a
     * secret and a wrong or missing signature all answer empty alike.
     */
    @Transactional(readOnly = true)
    public Optional<StorefrontId> verify(String storefrontCode, byte[] body, String signature) {
        return secrets.verify(CONNECTION, storefrontCode, body, signature).map(StorefrontId::new);
    }

    @Transactional(readOnly = true)
    public Settings settings(StorefrontId storefront) {
        secrets.requireStorefront(storefront.value());
        List<GatewayMapping.Gateway> own = ownGateways(storefront);
        List<GatewayMapping.Gateway> gateways = own.isEmpty() ? GatewayMapping.DEFAULTS : own;
        return secrets.stamp(CONNECTION, storefront.value())
                .map(stamp -> new Settings(
                        storefront, stamp.hint(), stamp.updatedAt(), stamp.updatedBy(), gateways, own.isEmpty()))
                .orElse(new Settings(storefront, null, null, null, gateways, own.isEmpty()));
    }

    /**
     * Stores the secret the storefront's webhooks are signed with (Shopify admin, Settings →
     * Notifications → Webhooks, or the app's client secret), replacing the one before; audited
     * ({@code shopify.secret.saved}) with its last four characters only.
     *
     * @throws InvalidValue on {@code secret}: not a plausible secret, or no key to store it with
     */
    @Transactional
    public void saveSecret(StorefrontId storefront, String secret, String by) {
        secrets.requireStorefront(storefront.value());
        ConnectionSecrets.Sealed sealed = secrets.seal(
                WebhookSignature.requirePlausible(secret), storefront.value(), CONNECTION.boundTo(), "secret");
        jdbc.sql("""
                        insert into shopify_connection (storefront_id, webhook_secret, secret_hint, updated_at, updated_by)
                        values (:storefront, :encrypted, :hint, :at, :by)
                        on conflict (storefront_id) do update
                           set webhook_secret = excluded.webhook_secret, secret_hint = excluded.secret_hint,
                               updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .param("storefront", storefront.value())
                .param("encrypted", sealed.value())
                .param("hint", sealed.hint())
                .param("at", Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
        audit.record(by, "shopify.secret.saved", "storefront", target(storefront), sealed.auditDetails());
    }

    /**
     * Makes sure the storefront verifies with this secret (from the environment, for automation):
     * idempotent, so every start of every instance may ask; audited only when it changed anything.
     */
    @Transactional
    public void ensureSecret(StorefrontId storefront, String secret, String by) {
        boolean same = jdbc.sql("select webhook_secret from shopify_connection where storefront_id = :storefront")
                .param("storefront", storefront.value())
                .query((rs, i) -> rs.getBytes(1))
                .optional()
                .map(encrypted -> secrets.open(encrypted, storefront.value(), CONNECTION.boundTo())
                        .equals(secret))
                .orElse(false);
        if (!same) {
            saveSecret(storefront, secret, by);
        }
    }

    /** Stops taking the storefront's Shopify webhooks: the secret is deleted; audited ({@code shopify.disconnected}). */
    @Transactional
    public void disconnect(StorefrontId storefront, String by) {
        if (secrets.delete(CONNECTION, storefront.value())) {
            audit.record(by, "shopify.disconnected", "storefront", target(storefront), Map.of());
        }
    }

    /**
     * Replaces the storefront's gateway mapping; audited ({@code shopify.gateways.saved}) with the
     * mapping itself.
     *
     * @throws InvalidValue on {@code gateways[i].name} or {@code gateways[i].paymentMethod}
     */
    @Transactional
    public void saveGateways(StorefrontId storefront, List<GatewayMapping.Gateway> gateways, String by) {
        secrets.requireStorefront(storefront.value());
        GatewayMapping.requireDistinct(gateways);
        jdbc.sql("delete from shopify_gateway where storefront_id = :storefront")
                .param("storefront", storefront.value())
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        for (GatewayMapping.Gateway gateway : gateways) {
            jdbc.sql("""
                            insert into shopify_gateway (storefront_id, gateway, payment_method)
                            values (:storefront, :gateway, :method)
                            """)
                    .param("storefront", storefront.value())
                    .param("gateway", gateway.name())
                    .param("method", gateway.paymentMethod())
                    .update();
            details.put(gateway.name(), gateway.paymentMethod());
        }
        audit.record(by, "shopify.gateways.saved", "storefront", target(storefront), details);
    }

    /**
     * Our payment method for the gateways an order was paid through (Shopify's
     * {@code payment_gateway_names}): the first that the storefront's mapping (or the defaults, while
     * it has none) knows; null when none is known.
     */
    @Transactional(readOnly = true)
    public String paymentMethodFor(StorefrontId storefront, List<String> gatewayNames) {
        List<GatewayMapping.Gateway> own = ownGateways(storefront);
        return GatewayMapping.methodFor(own.isEmpty() ? GatewayMapping.DEFAULTS : own, gatewayNames);
    }

    private List<GatewayMapping.Gateway> ownGateways(StorefrontId storefront) {
        return jdbc.sql("""
                        select gateway, payment_method from shopify_gateway
                         where storefront_id = :storefront order by gateway
                        """)
                .param("storefront", storefront.value())
                .query((rs, i) -> new GatewayMapping.Gateway(rs.getString(1), rs.getString(2)))
                .list();
    }

    private static String target(StorefrontId storefront) {
        return String.valueOf(storefront.value());
    }
}
