package com.aftercare.domain.webhook;

import com.aftercare.domain.shared.Backoff;
import com.aftercare.domain.shared.OutcomeCounters;
import com.aftercare.domain.shared.Secrets;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries, for every storefront. Safe on several instances at once: each
 * round claims a batch with a lease, and every result is recorded only while the claim is ours.
 * A 2xx is delivered; a 410 stops (the subscription is disabled); any other answer, a timeout
 * or a broken connection is retried with {@link Backoff} (30 s, 1 min, 2 min… up to an hour) until
 * the delivery's retry window (24 hours) closes. Redirects are not followed: a receiver that
 * moved subscribes again. The target is checked against SSRF again before every attempt.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int SNIPPET = 500;

    private final DeliveryRows rows;
    private final WebhookTargets targets;
    private final Secrets secrets;
    private final WebhookProperties.Dispatcher settings;
    private final HttpClient http;
    private final OutcomeCounters outcomes;

    @Autowired
    WebhookDispatcher(
            DeliveryRows rows,
            WebhookTargets targets,
            Secrets secrets,
            WebhookProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this(
                rows,
                targets,
                secrets,
                properties.dispatcher(),
                new OutcomeCounters(
                        OutcomeCounters.registryOf(meters),
                        "aftercare.webhook.attempts",
                        "Webhook delivery attempts, by outcome",
                        "delivered",
                        "retried",
                        "gone",
                        "refused"));
    }

    private WebhookDispatcher(
            DeliveryRows rows,
            WebhookTargets targets,
            Secrets secrets,
            WebhookProperties.Dispatcher settings,
            OutcomeCounters outcomes) {
        this.outcomes = outcomes;
        this.rows = rows;
        this.targets = targets;
        this.secrets = secrets;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Another dispatcher on the same rows, as a second instance would be (tests, benchmarks). */
    public WebhookDispatcher as(String instanceId, Duration lease) {
        return new WebhookDispatcher(
                rows, targets, secrets, settings.withInstanceId(instanceId).withLease(lease), outcomes);
    }

    /**
     * Claims one batch of due deliveries and sends them one after the other.
     *
     * @return how many were claimed; equal to the batch size when more may be waiting
     */
    public int dispatchDue() {
        List<DeliveryRows.Claimed> batch = rows.claim(settings.instanceId(), settings.lease(), settings.batchSize());
        Set<Long> gone = new HashSet<>();
        for (DeliveryRows.Claimed delivery : batch) {
            // a 410 earlier in the batch cancelled the subscription's other deliveries in it
            if (!gone.contains(delivery.subscriptionId()) && deliver(delivery) == 410) {
                gone.add(delivery.subscriptionId());
            }
        }
        return batch.size();
    }

    int batchSize() {
        return settings.batchSize();
    }

    /** @return the receiver's status, or 0 when there was no answer */
    private int deliver(DeliveryRows.Claimed d) {
        String me = settings.instanceId();
        URI uri;
        try {
            uri = WebhookTargets.parse(d.url());
        } catch (URISyntaxException e) {
            refused(d, "refused: " + e.getReason());
            return 0;
        }
        WebhookTargets.Verdict verdict = targets.check(uri);
        if (verdict.kind() == WebhookTargets.Kind.REFUSED) {
            refused(d, "refused: " + verdict.reason());
            return 0;
        }
        if (verdict.kind() == WebhookTargets.Kind.UNRESOLVED) {
            retry(d, null, null, verdict.reason());
            return 0;
        }
        String secret;
        try {
            secret = secrets.open(d.sealedSecret(), WebhookSubscriptions.secretRow(d.subscriptionId()));
        } catch (RuntimeException e) {
            // the key is missing or changed: an operator fixes the configuration, the retry sends it
            retry(d, null, null, "signing secret cannot be opened: " + e.getMessage());
            return 0;
        }
        // the receiver compares the timestamp with its own wall clock, so it is the real time
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Aftercare-Webhooks/1")
                .header("webhook-id", d.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, d.messageId(), timestamp, d.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                .build();
        int result = 0;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String snippet = snippet(response.body(), settings.requestTimeout());
            result = status;
            if (status >= 200 && status < 300) {
                rows.delivered(d.id(), me, status, snippet);
                outcomes.increment("delivered");
            } else if (status == 410) {
                log.warn("Webhook subscription {} answered 410 Gone; disabled", d.subscriptionId());
                rows.gone(d.id(), me, snippet);
                outcomes.increment("gone");
            } else {
                retry(d, status, snippet, "HTTP " + status);
            }
        } catch (HttpTimeoutException e) {
            retry(d, null, null, "timeout: " + e.getMessage());
        } catch (IOException e) {
            retry(d, null, null, "connection: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retry(d, null, null, "interrupted while sending");
        }
        return result;
    }

    private void retry(DeliveryRows.Claimed d, Integer status, String response, String error) {
        Duration delay =
                Backoff.after(d.attempts() + 1, ThreadLocalRandom.current().nextDouble());
        rows.failedAttempt(d.id(), settings.instanceId(), status, response, error, delay);
        outcomes.increment("retried");
    }

    private void refused(DeliveryRows.Claimed d, String reason) {
        rows.refused(d.id(), settings.instanceId(), reason);
        outcomes.increment("refused");
    }

    /**
     * The start of the receiver's answer, for the console; the rest is not read. The request's
     * timeout covers the wait for the status line only, so a receiver that sends its headers and
     * then goes quiet would hold this thread (and the batch) for ever: the body gets the same
     * time, after which it is closed and the status alone is recorded.
     */
    private static String snippet(InputStream body, Duration timeout) {
        CompletableFuture<byte[]> start = CompletableFuture.supplyAsync(() -> {
            try {
                return body.readNBytes(SNIPPET);
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try {
            return new String(start.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
        } catch (TimeoutException | ExecutionException e) {
            return "(no answer body within " + timeout.toSeconds() + " s)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } finally {
            try {
                body.close(); // ends a read still waiting, and lets the connection go
            } catch (IOException ignored) {
                // nothing more to read from it
            }
        }
    }
}
