package com.aftercare.web.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode's LINE: a stand-in for api.line.me and api-data.line.me on this machine, as the SMTP
 * catcher stands in for mail. The demo storefront's LINE channel has made-up credentials, so the
 * real LINE would refuse every call (and the dispatcher would retry each text for an hour before
 * giving up); here the desk's calls are answered as LINE answers them and nothing leaves the
 * machine: the profile API knows the demo's LINE users ({@link DemoLine#FRIENDS}), the bot info
 * names the demo shop's account (so "check the connection" works), and every reply and push is
 * accepted once and written to the log as "Caught demo LINE message". The content API has nothing
 * (the demo's customers send no pictures).
 */
final class DemoLinePlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("aftercare.demo.line");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The demo channel's made-up credentials: plausible as LINE shows them, valid only here. */
    static final String CHANNEL_SECRET = "0demo0line0channel0secret0000000";

    static final String ACCESS_TOKEN = "demo-line-access-token.valid-only-on-this-machine";

    private final HttpServer server;
    private final AtomicInteger caught = new AtomicInteger();

    private DemoLinePlatform(HttpServer server) {
        this.server = server;
    }

    static DemoLinePlatform start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            DemoLinePlatform platform = new DemoLinePlatform(server);
            server.createContext("/", platform::handle);
            server.start();
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean post = exchange.getRequestMethod().equals("POST");
            byte[] body = exchange.getRequestBody().readAllBytes();
            Object answer;
            int status = 200;
            if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                // as LINE does for a token it did not issue
                status = 401;
                answer = Map.of(
                        "message",
                        "Authentication failed. Confirm that the access token in the authorization header is valid.");
            } else if (!post
                    && path.startsWith("/v2/bot/profile/")
                    && DemoLine.FRIENDS.containsKey(path.substring(16))) {
                answer = Map.of(
                        "userId",
                        path.substring(16),
                        "displayName",
                        DemoLine.FRIENDS.get(path.substring(16)),
                        "language",
                        "ja");
            } else if (!post && path.equals("/v2/bot/info")) {
                answer = Map.of(
                        "userId", DemoLine.BOT_USER_ID,
                        "basicId", "@komorebi-demo",
                        "displayName", "こもれび（デモ）",
                        "chatMode", "chat",
                        "markAsReadMode", "manual");
            } else if (post && (path.equals("/v2/bot/message/push") || path.equals("/v2/bot/message/reply"))) {
                caught(path.endsWith("push") ? "push" : "reply", JSON.readTree(body));
                answer = Map.of("sentMessages", List.of());
            } else {
                status = 404;
                answer = Map.of("message", "Not found");
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Line-Request-Id", "demo-" + caught.get());
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (RuntimeException e) {
            log.warn("The demo's LINE stand-in could not answer {}: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private void caught(String kind, JsonNode request) {
        String to = request.has("to") ? request.path("to").asString("") : "(reply token)";
        StringBuilder text = new StringBuilder();
        for (JsonNode message : request.path("messages")) {
            text.append(message.path("text").asString(""));
        }
        log.info(
                "Caught demo LINE message #{} ({})\nTo: {}\n\n{}",
                caught.incrementAndGet(),
                kind,
                DemoLine.FRIENDS.getOrDefault(to, to),
                text.isEmpty() ? "(no text)" : text);
    }
}
