package com.aftercare.web.line;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process LINE platform (api.line.me and api-data.line.me on one port) that checks what it
 * gets as LINE's reference documents it: the paths, {@code Authorization: Bearer} with the channel
 * access token, a JSON body with {@code replyToken}/{@code to} and {@code messages}, {@code
 * X-Line-Retry-Key} on a push (and a 400 for one on a reply), and, like LINE, executes a push once
 * per retry key: the same key again answers 409 with {@code X-Line-Accepted-Request-Id}. The bot's
 * info ({@code GET /v2/bot/info}) answers only to the channel's token, as LINE's does.
 */
public final class FakeLine implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BOT_NAME = "アフターケア堂 公式";
    static final String BOT_BASIC_ID = "@123abcde";
    static final String BOT_USER_ID = "Ufedcba9876543210fedcba9876543210";

    /** One request as it arrived, and what was answered. */
    record Request(String method, String path, Map<String, String> headers, String body, int answered) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final HttpServer server;
    private final String token;
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, String> acceptedKeys = new HashMap<>();
    private final Set<String> usedReplyTokens = new LinkedHashSet<>();
    private final List<String> delivered = new ArrayList<>();
    private volatile int nextPushStatus = 200;
    private volatile byte[] content = new byte[0];
    private volatile String contentType = "image/jpeg";
    private volatile String profileName = "山田 花子";

    FakeLine(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A LINE that takes this channel access token, for a test class's static field. */
    public static FakeLine started(String token) {
        try {
            return new FakeLine(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The display name LINE's profile API answers from now on. */
    public void profileName(String name) {
        profileName = name;
    }

    /** The next push answers this status once (429, 500, 400…), without executing it. */
    void answerNextPush(int status) {
        nextPushStatus = status;
    }

    /** What the content API answers next, as a picture (LINE serves them as JPEG). */
    void content(byte[] bytes) {
        content(bytes, "image/jpeg");
    }

    void content(byte[] bytes, String type) {
        content = bytes;
        contentType = type;
    }

    synchronized List<String> delivered() {
        return List.copyOf(delivered);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> sends() {
        return requests.stream()
                .filter(r ->
                        r.path().startsWith("/v2/bot/message/") && r.method().equals("POST"))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        int status;
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        String contentType = "application/json";
        Map<String, String> answerHeaders = new HashMap<>();
        answerHeaders.put("X-Line-Request-Id", "req-" + requests.size());
        if (!("Bearer " + token).equals(headers.get("authorization"))) {
            status = 401;
        } else if (method.equals("GET") && path.matches("/v2/bot/profile/U[0-9a-f]{32}")) {
            status = 200;
            answer = JSON.writeValueAsBytes(
                    Map.of("displayName", profileName, "userId", path.substring(16), "language", "ja"));
        } else if (method.equals("GET") && path.equals("/v2/bot/info")) {
            status =
                    200; // as documented: userId, basicId, displayName, chatMode, markAsReadMode (pictureUrl, premiumId
            // optional)
            answer = JSON.writeValueAsBytes(Map.of(
                    "userId",
                    BOT_USER_ID,
                    "basicId",
                    BOT_BASIC_ID,
                    "displayName",
                    BOT_NAME,
                    "chatMode",
                    "chat",
                    "markAsReadMode",
                    "manual"));
        } else if (method.equals("GET") && path.matches("/v2/bot/message/[0-9]+/content")) {
            status = 200;
            answer = content;
            contentType = this.contentType;
        } else if (method.equals("POST") && path.equals("/v2/bot/message/reply")) {
            status = reply(headers, body);
        } else if (method.equals("POST") && path.equals("/v2/bot/message/push")) {
            status = push(headers, body, answerHeaders);
        } else {
            status = 404;
        }
        requests.add(new Request(method, path, headers, body, status));
        exchange.getResponseHeaders().add("Content-Type", contentType);
        answerHeaders.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    private synchronized int reply(Map<String, String> headers, String body) {
        if (headers.containsKey("x-line-retry-key") || !"application/json".equals(headers.get("content-type"))) {
            return 400; // documented: the retry key is refused on any API but the push-like ones
        }
        JsonNode json = JSON.readTree(body);
        String replyToken = json.path("replyToken").asString("");
        if (replyToken.isEmpty() || !usedReplyTokens.add(replyToken) || !validMessages(json)) {
            return 400; // a reply token is used once
        }
        delivered.add(json.get("messages").get(0).get("text").asString());
        return 200;
    }

    private synchronized int push(Map<String, String> headers, String body, Map<String, String> answerHeaders) {
        String key = headers.get("x-line-retry-key");
        JsonNode json = JSON.readTree(body);
        if (key == null
                || !key.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                || !json.path("to").asString("").matches("U[0-9a-f]{32}")
                || !validMessages(json)
                || !"application/json".equals(headers.get("content-type"))) {
            return 400;
        }
        if (acceptedKeys.containsKey(key)) {
            answerHeaders.put("X-Line-Accepted-Request-Id", acceptedKeys.get(key));
            return 409;
        }
        int status = nextPushStatus;
        nextPushStatus = 200;
        if (status != 200) {
            return status;
        }
        acceptedKeys.put(key, answerHeaders.get("X-Line-Request-Id"));
        delivered.add(json.get("messages").get(0).get("text").asString());
        return 200;
    }

    private static boolean validMessages(JsonNode json) {
        JsonNode messages = json.get("messages");
        return messages != null
                && messages.isArray()
                && messages.size() >= 1
                && messages.size() <= 5
                && "text".equals(messages.get(0).path("type").asString(""))
                && messages.get(0).path("text").asString("").length() <= 5000;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
