package com.aftercare.domain.webhook;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.Secrets;
import com.aftercare.domain.storefront.StorefrontId;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A storefront's stock-check callback: before an exchange is offered or approved, Aftercare asks
 * the storefront whether the variants are in stock. The request is signed exactly as an outgoing
 * webhook ({@link WebhookSignature}, a secret of its own) and goes only where a webhook may go
 * ({@link WebhookTargets}). Any answer but a well-formed one within the timeout is
 * {@link Stock#UNKNOWN}, never an error: then an operator confirms the stock (docs/returns.md).
 */
@Service
public class StockChecks {

    private static final Logger log = LoggerFactory.getLogger(StockChecks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** More SKUs than an exchange ever asks about; a longer list is cut, the rest stays unknown. */
    private static final int MAX_SKUS = 100;

    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** What the storefront said about one SKU. */
    public enum Stock {
        IN_STOCK,
        OUT_OF_STOCK,
        /** No callback, no answer in time, an error, or an answer that does not say. */
        UNKNOWN
    }

    /** Where the storefront answers; never with its secret. */
    public record Endpoint(StorefrontId storefront, String url, Instant createdAt, String createdBy) {}

    /** A callback just set, with its signing secret, which is never shown again. */
    public record Configured(Endpoint endpoint, String secret) {}

    /**
     * What a test of the callback found: {@code problem} is null when it gave a well-formed answer,
     * else why the answer would count as unknown (for the admin who sets it up, never a customer).
     */
    public record Probe(boolean configured, String problem) {

        public boolean answered() {
            return configured && problem == null;
        }
    }

    /** The SKU a test asks about; a storefront answers it like any SKU it does not sell (or leaves it out). */
    public static final String PROBE_SKU = "aftercare-stock-check-test";

    private final JdbcClient jdbc;
    private final WebhookTargets targets;
    private final Secrets secrets;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;

    StockChecks(
            JdbcClient jdbc,
            WebhookTargets targets,
            Secrets secrets,
            AuditLog audit,
            Clock clock,
            WebhookProperties properties) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
        this.timeout = properties.stockCheckTimeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static String secretRow(StorefrontId storefront) {
        return "stock-check:" + storefront.value();
    }

    /**
     * Sets (or replaces) the storefront's callback with a new secret. A URL a webhook could not be
     * sent to is {@code InvalidValue} on {@code url}, and nothing changes.
     *
     * @param by who did it, for the audit log
     */
    @Transactional
    public Configured configure(StorefrontId storefront, String url, String by) {
        URI uri = targets.requireSendable("url", url);
        String secret = WebhookSignature.newSecret();
        jdbc.sql("""
                        insert into stock_check_endpoint (storefront_id, url, secret_enc, created_at, created_by)
                        values (:storefront, :url, :secret, :at, :by)
                        on conflict (storefront_id) do update
                           set url = excluded.url, secret_enc = excluded.secret_enc,
                               created_at = excluded.created_at, created_by = excluded.created_by
                        """)
                .param("storefront", storefront.value())
                .param("url", uri.toString())
                .param("secret", secrets.seal(secret, secretRow(storefront), "secret"))
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
        audit.record(
                by,
                "stock-check.configured",
                "storefront",
                Long.toString(storefront.value()),
                Map.of("url", uri.toString()));
        return new Configured(endpoint(storefront).orElseThrow(), secret);
    }

    /** @return false when the storefront had no callback */
    @Transactional
    public boolean remove(StorefrontId storefront, String by) {
        int removed = jdbc.sql("delete from stock_check_endpoint where storefront_id = :storefront")
                .param("storefront", storefront.value())
                .update();
        if (removed > 0) {
            audit.record(by, "stock-check.removed", "storefront", Long.toString(storefront.value()), Map.of());
        }
        return removed > 0;
    }

    /**
     * Asks the storefront's callback about {@link #PROBE_SKU}, as an exchange would, and says
     * whether the answer was well-formed; audited. Call it outside a transaction.
     */
    public Probe probe(StorefrontId storefront, String by) {
        Optional<Sealed> callback = sealed(storefront);
        if (callback.isEmpty()) {
            return new Probe(false, null);
        }
        String problem = null;
        try {
            ask(storefront, callback.get(), List.of(PROBE_SKU));
        } catch (Unanswered e) {
            problem = e.getMessage();
        }
        audit.record(
                by,
                "stock-check.tested",
                "storefront",
                Long.toString(storefront.value()),
                Map.of("answered", Boolean.toString(problem == null)));
        return new Probe(true, problem);
    }

    @Transactional(readOnly = true)
    public Optional<Endpoint> endpoint(StorefrontId storefront) {
        return jdbc.sql("""
                        select url, created_at, created_by from stock_check_endpoint where storefront_id = :storefront
                        """)
                .param("storefront", storefront.value())
                .query((rs, row) -> new Endpoint(
                        storefront,
                        rs.getString("url"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by")))
                .optional();
    }

    /**
     * Asks the storefront about the SKUs. Call it outside a transaction: it waits for the
     * storefront (at most {@code aftercare.webhooks.stock-check-timeout}).
     *
     * @return every SKU asked about, each with what the storefront said, or {@link Stock#UNKNOWN}
     */
    public Map<String, Stock> check(StorefrontId storefront, Collection<String> skus) {
        Set<String> asked = new LinkedHashSet<>(skus);
        Map<String, Stock> answer = new LinkedHashMap<>();
        asked.forEach(sku -> answer.put(sku, Stock.UNKNOWN));
        if (asked.isEmpty()) {
            return answer;
        }
        Optional<Sealed> callback = sealed(storefront);
        if (callback.isEmpty()) {
            return answer;
        }
        try {
            JsonNode stock = ask(
                    storefront, callback.get(), asked.stream().limit(MAX_SKUS).toList());
            for (String sku : asked) {
                JsonNode said = stock.get(sku);
                if (said != null && said.isBoolean()) {
                    answer.put(sku, said.asBoolean() ? Stock.IN_STOCK : Stock.OUT_OF_STOCK);
                }
            }
        } catch (Unanswered e) {
            log.warn("Stock check of storefront {} gave no answer: {}", storefront.value(), e.getMessage());
        }
        return answer;
    }

    /** The {@code stock} object of the storefront's answer. */
    private JsonNode ask(StorefrontId storefront, Sealed callback, List<String> skus) throws Unanswered {
        URI uri;
        try {
            uri = WebhookTargets.parse(callback.url());
        } catch (URISyntaxException e) {
            throw new Unanswered("refused: " + e.getReason());
        }
        WebhookTargets.Verdict verdict = targets.check(uri);
        if (!verdict.allowed()) {
            throw new Unanswered("refused: " + verdict.reason());
        }
        String secret;
        try {
            secret = secrets.open(callback.secret(), secretRow(storefront));
        } catch (RuntimeException e) {
            throw new Unanswered("signing secret cannot be opened: " + e.getMessage());
        }
        String id = "stk_" + UUID.randomUUID();
        // the receiver compares the timestamp with its own wall clock, so it is the real time
        long timestamp = Instant.now().getEpochSecond();
        String body = JSON.writeValueAsString(Map.of(
                "type", "stock.check",
                "timestamp", Instant.now().toString(),
                "data", Map.of("storefrontId", storefront.value(), "skus", skus)));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "Aftercare-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        // one deadline for the whole exchange: a receiver that sends its headers and then goes
        // quiet must not hold the customer's page
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new Unanswered("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new Unanswered("connection: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted");
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new Unanswered("HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_ANSWER_BYTES) {
            throw new Unanswered("answer over " + MAX_ANSWER_BYTES + " bytes");
        }
        try {
            JsonNode stock = JSON.readTree(response.body()).get("stock");
            if (stock == null || !stock.isObject()) {
                throw new Unanswered("answer has no \"stock\" object");
            }
            return stock;
        } catch (JacksonException e) {
            throw new Unanswered("answer is not JSON");
        }
    }

    private Optional<Sealed> sealed(StorefrontId storefront) {
        return jdbc.sql("select url, secret_enc from stock_check_endpoint where storefront_id = :storefront")
                .param("storefront", storefront.value())
                .query((rs, row) -> new Sealed(rs.getString("url"), rs.getBytes("secret_enc")))
                .optional();
    }

    private record Sealed(String url, byte[] secret) {}

    /** Why the storefront's answer counts as none. */
    private static final class Unanswered extends Exception {
        Unanswered(String message) {
            super(message, null, false, false);
        }
    }
}
