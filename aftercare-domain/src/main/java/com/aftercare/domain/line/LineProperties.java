package com.aftercare.domain.line;

import com.aftercare.domain.shared.InstanceIds;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code aftercare.line.*}.
 *
 * @param apiBaseUrl where api.line.me calls go ({@code AFTERCARE_LINE_API_BASE_URL}): reply, push,
 *     profile; tests point it at a fake server
 * @param dataApiBaseUrl where content downloads go ({@code AFTERCARE_LINE_DATA_API_BASE_URL}, api-data.line.me)
 * @param maxContentSize the largest image or file taken from LINE's content API (mail attachments' limit)
 */
@ConfigurationProperties("aftercare.line")
public record LineProperties(
        @DefaultValue("https://api.line.me") URI apiBaseUrl,
        @DefaultValue("https://api-data.line.me") URI dataApiBaseUrl,
        @DefaultValue("10MB") DataSize maxContentSize,
        @DefaultValue Dispatcher dispatcher) {

    /**
     * @param enabled poll on a schedule; off in tests, which run the dispatcher themselves
     * @param batchSize texts claimed per round, sent one after the other
     * @param lease how long a claim keeps other instances off a text; outlasts a round
     * @param maxAttempts after this many temporary failures a text is FAILED
     * @param replyWindow how long after the customer's message its reply token is used: LINE asks
     *     for a reply within one minute of the webhook and guarantees nothing after it
     * @param connectTimeout to open the connection to LINE
     * @param requestTimeout for LINE's whole answer; past it the outcome is unknown
     * @param instanceId who claims; unique per running instance
     */
    public record Dispatcher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("50s") Duration replyWindow,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            String instanceId) {

        public Dispatcher {
            if (batchSize < 1) {
                throw new IllegalArgumentException("aftercare.line.dispatcher.batch-size must be at least 1");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("aftercare.line.dispatcher.max-attempts must be at least 1");
            }
            if (lease.toSeconds() < 1) {
                throw new IllegalArgumentException("aftercare.line.dispatcher.lease must be at least 1s");
            }
            if (instanceId == null || instanceId.isBlank()) {
                instanceId = InstanceIds.ofThisProcess();
            }
        }

        Dispatcher withInstanceId(String id, Duration otherLease) {
            return new Dispatcher(
                    enabled,
                    pollInterval,
                    batchSize,
                    otherLease,
                    maxAttempts,
                    replyWindow,
                    connectTimeout,
                    requestTimeout,
                    id);
        }
    }
}
