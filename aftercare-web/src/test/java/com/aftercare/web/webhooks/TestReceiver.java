package com.aftercare.web.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A storefront's webhook endpoint in the test's own process: it verifies each request as a
 * Standard Webhooks receiver would (whsec_ secret Base64-decoded, HMAC-SHA256 over
 * id.timestamp.body, any of the space-separated v1 signatures, timestamp within five minutes) and
 * answers the statuses it is told to, in turn (then 200).
 */
public final class TestReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String id, String timestamp, String body, boolean signatureValid, int answered) {}

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(8);
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private volatile long delayMillis;
    private volatile long bodyStallMillis;

    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer status = answers.poll();
            int answer = status == null ? 200 : status;
            received.add(new Received(id, timestamp, body, verifies(id, timestamp, body, signature), answer));
            byte[] reply = ("answer " + answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length);
            if (bodyStallMillis > 0) {
                // the status line and headers go out, then the body stops half-way
                exchange.getResponseBody().write(reply, 0, 3);
                exchange.getResponseBody().flush();
                try {
                    Thread.sleep(bodyStallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                exchange.getResponseBody()
                        .write(reply, bodyStallMillis > 0 ? 3 : 0, reply.length - (bodyStallMillis > 0 ? 3 : 0));
            } catch (IOException gone) {
                // the sender stopped reading and closed the connection
            }
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void secret(String whsec) {
        this.secret = whsec;
    }

    public void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    /** Answers the status at once and then stops sending the body for this long. */
    void stallBody(long millis) {
        this.bodyStallMillis = millis;
    }

    void delay(long millis) {
        this.delayMillis = millis;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private boolean verifies(String id, String timestamp, String body, String header) {
        if (secret == null || id == null || timestamp == null || header == null) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - sent) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
