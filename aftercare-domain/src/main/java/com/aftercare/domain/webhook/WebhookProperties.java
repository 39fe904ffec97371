package com.aftercare.domain.webhook;

import com.aftercare.domain.shared.InstanceIds;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.webhooks.*}.
 *
 * @param allowedHosts hosts a subscription may point at although they resolve inward (loopback,
 *     private ranges) and may use plain http: {@code AFTERCARE_WEBHOOKS_ALLOWED_HOSTS}, comma
 *     separated; an administrator adds more in the console
 * @param maxSubscriptions per storefront
 * @param retryFor how long a delivery is retried after its event (or an operator's resend)
 * @param stockCheckTimeout the whole of a stock check's exchange with the storefront (connect,
 *     answer and its body); past it the stock is unknown. Short: a customer's page waits for it
 */
@ConfigurationProperties("aftercare.webhooks")
public record WebhookProperties(
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("20") int maxSubscriptions,
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue("3s") Duration stockCheckTimeout) {

    public WebhookProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        if (maxSubscriptions < 1) {
            throw new IllegalArgumentException("aftercare.webhooks.max-subscriptions must be at least 1");
        }
    }

    /**
     * @param enabled poll on a schedule; off in tests, which run the dispatcher themselves
     * @param batchSize deliveries claimed per round, sent one after the other
     * @param lease how long a claim keeps other instances off a delivery; must outlast a round
     *     (batch size times the request timeout), or a slow round's deliveries are sent twice
     * @param connectTimeout to open the connection to the receiver
     * @param requestTimeout for the receiver's whole answer; past it the attempt failed
     * @param instanceId who claims; unique per running instance
     */
    public record Dispatcher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            String instanceId) {

        public Dispatcher {
            if (batchSize < 1) {
                throw new IllegalArgumentException("aftercare.webhooks.dispatcher.batch-size must be at least 1");
            }
            if (lease.toSeconds() < 1) {
                throw new IllegalArgumentException("aftercare.webhooks.dispatcher.lease must be at least 1s");
            }
            if (instanceId == null || instanceId.isBlank()) {
                instanceId = InstanceIds.ofThisProcess();
            }
        }

        public Dispatcher withInstanceId(String id) {
            return new Dispatcher(enabled, pollInterval, batchSize, lease, connectTimeout, requestTimeout, id);
        }

        public Dispatcher withLease(Duration other) {
            return new Dispatcher(enabled, pollInterval, batchSize, other, connectTimeout, requestTimeout, instanceId);
        }
    }
}
