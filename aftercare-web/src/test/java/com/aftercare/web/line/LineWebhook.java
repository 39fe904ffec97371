package com.aftercare.web.line;

import com.aftercare.domain.shared.BodyHmac;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * LINE's side of the webhook in tests: bodies shaped as LINE's reference shows them (destination,
 * events with their common fields and message objects), signed with the channel secret as {@code
 * X-Line-Signature}, posted to the app over its real port.
 */
public record LineWebhook(int port, String storefront, String secret) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static String newUser() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }

    static String newMessageId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
    }

    /** A text message; its reply token is {@code token-<user>}. */
    public static String textEvent(String eventId, String user, String text, boolean redelivery) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
        return event(
                eventId,
                "message",
                user,
                ", \"replyToken\": \"token-" + user + "\", \"message\": {\"type\": \"text\", \"id\": \""
                        + newMessageId() + "\", \"quoteToken\": \"q\", \"text\": \"" + escaped + "\"}",
                redelivery);
    }

    /** An image message (content on LINE's servers); its reply token is {@code t-<user>}. */
    static String imageEvent(String user, String messageId) {
        return messageEvent(user, "t-", """
                {"type": "image", "id": "%s", "contentProvider": {"type": "line"}}""".formatted(messageId));
    }

    /** A video or audio message (content on LINE's servers), as LINE's reference shows them. */
    static String mediaEvent(String user, String messageId, String type) {
        return messageEvent(user, "m-", """
                {"type": "%s", "id": "%s", "duration": 60000, "contentProvider": {"type": "line"}}""".formatted(type, messageId));
    }

    /** A location message: a place's name, address and coordinates; no content on the data API. */
    static String locationEvent(String user, String messageId, String title, String address) {
        return messageEvent(user, "l-", """
                {"type": "location", "id": "%s", "title": "%s", "address": "%s",
                 "latitude": 35.65910807942215, "longitude": 139.70372892916203}""".formatted(messageId, title, address));
    }

    /** A sticker message with the keywords LINE gives for it (no text: not a message sticker). */
    static String stickerEvent(String user, String messageId, String... keywords) {
        return messageEvent(user, "s-", """
                {"type": "sticker", "id": "%s", "stickerId": "52002734", "packageId": "11537",
                 "stickerResourceType": "STATIC", "keywords": ["%s"]}""".formatted(messageId, String.join("\", \"", keywords)));
    }

    /** A file message: LINE gives its name and size, the content is on the data API. */
    static String fileEvent(String user, String messageId, String fileName, int fileSize) {
        return messageEvent(user, "f-", """
                {"type": "file", "id": "%s", "fileName": "%s", "fileSize": %d}""".formatted(messageId, fileName, fileSize));
    }

    /** A message event with a new event id; its reply token is {@code <tokenPrefix><user>}. */
    private static String messageEvent(String user, String tokenPrefix, String message) {
        return event(
                UUID.randomUUID().toString(),
                "message",
                user,
                ", \"replyToken\": \"" + tokenPrefix + user + "\", \"message\": " + message,
                false);
    }

    /** A webhook body as LINE's reference shows it: destination, events with their common fields. */
    static String event(String eventId, String type, String user, String extra, boolean redelivery) {
        return """
                {"destination": "U00000000000000000000000000000000", "events": [{"type": "%s", "mode": "active",
                 "timestamp": 1767225600000, "source": {"type": "user", "userId": "%s"}, "webhookEventId": "%s",
                 "deliveryContext": {"isRedelivery": %s}%s}]}""".formatted(type, user, eventId, redelivery, extra);
    }

    public HttpResponse<String> signed(String body) throws IOException, InterruptedException {
        return post(body, BodyHmac.signBase64(secret, bytes(body)));
    }

    /** @param signature null: no {@code X-Line-Signature} at all */
    HttpResponse<String> post(String body, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/webhooks/line/" + storefront))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (signature != null) {
            request.header("X-Line-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
