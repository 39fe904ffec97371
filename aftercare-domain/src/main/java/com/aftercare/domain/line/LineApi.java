package com.aftercare.domain.line;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls Aftercare makes to the LINE Messaging API, as LINE's reference documents them
 * (docs/channels.md lists the shapes): send a reply ({@code POST /v2/bot/message/reply}), send a
 * push ({@code POST /v2/bot/message/push} with {@code X-Line-Retry-Key}), get a profile ({@code GET
 * /v2/bot/profile/{userId}}), get the bot's info ({@code GET /v2/bot/info}) on api.line.me, and get content ({@code GET
 * /v2/bot/message/{messageId}/content}) on api-data.line.me. Every call carries the channel access
 * token as {@code Authorization: Bearer}. No retries here: the outbox decides.
 */
@Component
class LineApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SNIPPET = 500;

    /**
     * LINE's answer to a send.
     *
     * @param requestId {@code X-Line-Request-Id}
     * @param acceptedRequestId {@code X-Line-Accepted-Request-Id}: on a 409 to a retried push, the
     *     request that was accepted before
     */
    record Answer(int status, String body, String requestId, String acceptedRequestId) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** A download that came back whole and within the size limit. */
    record Content(String contentType, byte[] bytes) {}

    /** The request may or may not have reached LINE (timeout, broken connection while sending). */
    static final class NoAnswer extends Exception {
        private final boolean surelyNotSent;

        NoAnswer(String message, boolean surelyNotSent, Throwable cause) {
            super(message, cause);
            this.surelyNotSent = surelyNotSent;
        }

        /** The connection was never opened: LINE cannot have taken the request. */
        boolean surelyNotSent() {
            return surelyNotSent;
        }
    }

    private final LineProperties properties;
    private final HttpClient http;

    LineApi(LineProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.dispatcher().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Answer reply(String accessToken, String replyToken, String text) throws NoAnswer {
        return send(
                accessToken, "/v2/bot/message/reply", Map.of("replyToken", replyToken, "messages", texts(text)), null);
    }

    Answer push(String accessToken, String to, String text, UUID retryKey) throws NoAnswer {
        return send(accessToken, "/v2/bot/message/push", Map.of("to", to, "messages", texts(text)), retryKey);
    }

    /** The user's display name, when LINE gives the profile (not a friend, or blocked: empty). */
    Optional<String> displayName(String accessToken, String userId) {
        return getJson(accessToken, "/v2/bot/profile/" + URLEncoder.encode(userId, StandardCharsets.UTF_8))
                .filter(answer -> answer.status() == 200)
                .flatMap(answer -> text(answer.json(), "displayName"));
    }

    /**
     * The channel's bot ({@code GET /v2/bot/info}: {@code displayName}, {@code basicId}, …), which
     * answers only to a valid channel access token: the console's connection check.
     */
    LineChannels.Check botInfo(String accessToken) {
        return getJson(accessToken, "/v2/bot/info")
                .map(answer -> switch (answer.status()) {
                    case 200 ->
                        text(answer.json(), "displayName")
                                .map(name -> new LineChannels.Check(
                                        LineChannels.Check.Outcome.OK,
                                        name,
                                        text(answer.json(), "basicId").orElse(null)))
                                .orElse(new LineChannels.Check(LineChannels.Check.Outcome.UNREACHABLE, null, null));
                    case 401, 403 -> new LineChannels.Check(LineChannels.Check.Outcome.TOKEN_REFUSED, null, null);
                    default -> new LineChannels.Check(LineChannels.Check.Outcome.UNREACHABLE, null, null);
                })
                .orElse(new LineChannels.Check(LineChannels.Check.Outcome.UNREACHABLE, null, null));
    }

    /** A GET on api.line.me and its JSON answer (null when not JSON); empty when LINE could not be asked. */
    private Optional<JsonAnswer> getJson(String accessToken, String path) {
        HttpRequest request = HttpRequest.newBuilder(api(properties.apiBaseUrl(), path))
                .timeout(properties.dispatcher().requestTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            if (response.statusCode() == 200) {
                json = JSON.readTree(response.body());
            }
            return Optional.of(new JsonAnswer(response.statusCode(), json));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private record JsonAnswer(int status, JsonNode json) {}

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || !value.isString() || value.asString().isBlank()
                ? Optional.empty()
                : Optional.of(value.asString());
    }

    /**
     * The content of an image or file message, read up to {@link LineProperties#maxContentSize()}:
     * a larger one, a failure or a content LINE no longer keeps answers empty.
     */
    Optional<Content> content(String accessToken, String messageId) {
        HttpRequest request = HttpRequest.newBuilder(api(
                        properties.dataApiBaseUrl(),
                        "/v2/bot/message/" + URLEncoder.encode(messageId, StandardCharsets.UTF_8) + "/content"))
                .timeout(properties.dispatcher().requestTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        long max = properties.maxContentSize().toBytes();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return Optional.empty();
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (bytes.length > max || bytes.length == 0) {
                    return Optional.empty();
                }
                String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
                return Optional.of(new Content(type, bytes));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Answer send(String accessToken, String path, Map<String, Object> body, UUID retryKey) throws NoAnswer {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(properties.apiBaseUrl(), path))
                .timeout(properties.dispatcher().requestTimeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (retryKey != null) {
            // only the push-like APIs take it: LINE answers 400 to a reply that carries one
            request.header("X-Line-Retry-Key", retryKey.toString());
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            return new Answer(
                    response.statusCode(),
                    text == null || text.length() <= SNIPPET ? text : text.substring(0, SNIPPET),
                    response.headers().firstValue("X-Line-Request-Id").orElse(null),
                    response.headers().firstValue("X-Line-Accepted-Request-Id").orElse(null));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new NoAnswer("cannot connect to LINE: " + e.getMessage(), true, e);
        } catch (IOException e) {
            throw new NoAnswer(
                    "no answer from LINE: " + e.getClass().getSimpleName() + ": " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while sending to LINE", false, e);
        }
    }

    /** A text message object; LINE's limit is 5000 characters, which the outbox already holds to. */
    private static List<Map<String, String>> texts(String text) {
        return List.of(Map.of("type", "text", "text", text));
    }

    private static URI api(URI base, String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }
}
