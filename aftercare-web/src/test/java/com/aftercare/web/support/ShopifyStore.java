package com.aftercare.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Shopify store sending its webhooks to one storefront the way Shopify does: the JSON body, its
 * Base64 HMAC-SHA256 with the store's secret in {@code X-Shopify-Hmac-Sha256}, the topic and a
 * fresh delivery id. The payloads are the files under {@code src/test/resources/shopify}.
 */
public final class ShopifyStore {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private final String secret;

    public ShopifyStore(int port, String storefrontCode, String secret) {
        this.url = "http://127.0.0.1:" + port + "/api/v1/webhooks/shopify/" + storefrontCode;
        this.secret = secret;
    }

    /** A test payload as Shopify would send it, from {@code src/test/resources/shopify/<name>.json}. */
    public static String payload(String name) {
        try (InputStream in = ShopifyStore.class.getResourceAsStream("/shopify/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No Shopify payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers a webhook under a new delivery id. */
    public Api.Answer send(String topic, String body) {
        return send(topic, body, UUID.randomUUID().toString());
    }

    /** Delivers a webhook under the given delivery id, as Shopify's retries do. */
    public Api.Answer send(String topic, String body, String webhookId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return sendSigned(topic, bytes, webhookId, sign(secret, bytes));
    }

    /** Delivers a body with whatever signature the test chooses (none: null). */
    public Api.Answer sendSigned(String topic, byte[] body, String webhookId, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", "aftercare-test.myshopify.com")
                .header("X-Shopify-API-Version", "2026-07")
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Triggered-At", "2026-11-23T01:15:31.000000Z")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Shopify-Hmac-Sha256", signature);
        }
        try {
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
