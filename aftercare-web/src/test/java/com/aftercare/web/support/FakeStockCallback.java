package com.aftercare.web.support;

import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.webhook.StockChecks;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.domain.webhook.WebhookSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A storefront's stock callback, in-process on a real port. Like the real one it checks the
 * signature with the secret it was given and answers 401 to a request not signed with it; the
 * test says what it answers otherwise (a status and a body), or that it never answers.
 */
public final class FakeStockCallback implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile String secret;
    private volatile int status = 200;
    private volatile String answer = "{}";
    private volatile boolean silent;
    private volatile int asked;

    private FakeStockCallback() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/stock", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    /** Started, and set as the storefront's callback (its host allowed, its secret kept to check signatures). */
    public static FakeStockCallback forStorefront(
            StockChecks stockChecks, WebhookAllowedHosts allowedHosts, StorefrontId storefront) {
        FakeStockCallback callback = started(allowedHosts);
        callback.trust(stockChecks.configure(storefront, callback.url(), "test").secret());
        return callback;
    }

    /** Started with its host allowed, for a test that sets it up as an admin would; trusts no secret yet. */
    public static FakeStockCallback started(WebhookAllowedHosts allowedHosts) {
        allowedHosts.add("127.0.0.1", "test");
        return new FakeStockCallback();
    }

    /** The secret the storefront was given: requests signed with another are answered 401. */
    public void trust(String secret) {
        this.secret = secret;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/stock";
    }

    /** Answers 200 with this body from now on. */
    public void answer(String json) {
        this.status = 200;
        this.answer = json;
    }

    /** Answers with this status and body from now on. */
    public void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    /** Answers {@code {"stock": {sku: inStock, …}}} from now on; arguments alternate SKU and boolean. */
    public void stock(Object... skuThenInStock) {
        StringBuilder json = new StringBuilder("{\"stock\": {");
        for (int i = 0; i < skuThenInStock.length; i += 2) {
            json.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(skuThenInStock[i])
                    .append("\": ")
                    .append(skuThenInStock[i + 1]);
        }
        answer(json.append("}}").toString());
    }

    /** Never answers from now on: the caller's deadline decides. */
    public void silent() {
        silent = true;
    }

    /** How many signed requests came in. */
    public int asked() {
        return asked;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (silent) {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean signed = secret != null
                && id != null
                && timestamp != null
                && signature != null
                && signature.equals(WebhookSignature.sign(secret, id, Long.parseLong(timestamp), body));
        byte[] reply = (signed ? answer : "unsigned").getBytes(StandardCharsets.UTF_8);
        if (signed) {
            asked++;
        }
        exchange.sendResponseHeaders(signed ? status : 401, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    @Override
    public void close() {
        never.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
