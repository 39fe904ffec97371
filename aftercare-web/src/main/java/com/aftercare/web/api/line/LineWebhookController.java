package com.aftercare.web.api.line;

import static com.aftercare.web.problem.ProblemWriter.problem;

import com.aftercare.domain.line.LineChannels;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.inquiry.LineConversations;
import com.aftercare.web.api.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A storefront's LINE official account webhook, as LINE sends it. No API key: {@code
 * X-Line-Signature} is the proof, checked on the raw body before anything reads it (401, nothing
 * stored). Each event is taken in a transaction of its own and at most once ({@code
 * webhookEventId}); LINE redelivers a webhook it got no 2xx for, and the events taken before then
 * change nothing. Event types and sources the desk does not use are acknowledged (200), so LINE
 * does not redeliver them for ever.
 */
@RestController
@ProblemResponses(unauthorized = LineWebhookController.UNSIGNED)
@Tag(name = "LINE webhook", description = "A LINE official account's webhook, signed with the channel secret")
class LineWebhookController {

    static final String UNSIGNED = "Missing or wrong X-Line-Signature for this storefront";

    private static final Logger log = LoggerFactory.getLogger(LineWebhookController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LineChannels channels;
    private final LineConversations conversations;

    LineWebhookController(LineChannels channels, LineConversations conversations) {
        this.channels = channels;
        this.conversations = conversations;
    }

    /** What the webhook answers: how many events were taken, redelivered or ignored. */
    record LineReceipt(int taken, int duplicates, int ignored) {}

    @Operation(summary = "Receive one LINE webhook", description = """
                    The Webhook URL to give LINE (LINE Developers console, Messaging API tab) for the storefront \
                    with that code. `X-Line-Signature` must be the Base64 HMAC-SHA256 of the raw body with the \
                    storefront's channel secret; anything else is 401 and nothing is stored. Events taken: message \
                    (text, image, sticker, file, video, audio, location), follow, unfollow, postback, from one-to-one chats; any other type \
                    or source is acknowledged and ignored. `webhookEventId` deduplicates: a redelivery answers 200 \
                    and changes nothing. A body without `events` is LINE's verification request and answers 200. \
                    Bodies over 1 MiB are refused (413).""")
    @ProblemResponses.JsonBody
    @ProblemResponses.BadRequest("Signed, but not JSON, or an event Aftercare cannot take")
    @PostMapping(
            path = "/api/v1/webhooks/line/{storefront}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(
            @Parameter(description = "The storefront's code", example = "own-site") @PathVariable String storefront,
            @Parameter(hidden = true) @RequestHeader(name = "X-Line-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Optional<StorefrontId> verified = channels.verify(storefront, raw, signature);
        if (verified.isEmpty()) {
            log.warn("LINE webhook for storefront '{}' refused: the signature does not match", printable(storefront));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", UNSIGNED));
        }
        List<LineConversations.Event> events = read(raw);
        int taken = 0;
        int duplicates = 0;
        int ignored = 0;
        for (LineConversations.Event event : events) {
            switch (conversations.take(verified.get(), event).outcome()) {
                case TAKEN -> taken++;
                case DUPLICATE -> duplicates++;
                case IGNORED -> ignored++;
            }
        }
        return ResponseEntity.ok(new LineReceipt(taken, duplicates, ignored));
    }

    /** LINE's webhook body: {@code destination} and {@code events}, as its reference documents them. */
    private static List<LineConversations.Event> read(byte[] raw) {
        String text = Text.utf8(raw).orElseThrow(() -> new InvalidValue("body", "is not UTF-8"));
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidValue("body", "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidValue("body", "must be a JSON object");
        }
        JsonNode events = root.get("events");
        if (events == null || events.isNull()) {
            return List.of();
        }
        if (!events.isArray()) {
            throw new InvalidValue("events", "must be an array");
        }
        List<LineConversations.Event> read = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            read.add(event(events.get(i), "events[" + i + "]"));
        }
        return read;
    }

    private static LineConversations.Event event(JsonNode event, String field) {
        if (!event.isObject()) {
            throw new InvalidValue(field, "must be an object");
        }
        String id = string(event, "webhookEventId");
        if (id == null || id.isBlank() || id.length() > 100) {
            throw new InvalidValue(field + ".webhookEventId", "must be 1-100 characters");
        }
        JsonNode source = event.path("source");
        JsonNode delivery = event.path("deliveryContext");
        JsonNode message = event.get("message");
        return new LineConversations.Event(
                id,
                string(event, "type"),
                delivery.path("isRedelivery").asBoolean(false),
                string(source, "type"),
                string(source, "userId"),
                string(event, "replyToken"),
                message == null || !message.isObject() ? null : message(message, field + ".message"),
                string(event.path("postback"), "data"));
    }

    private static LineConversations.Message message(JsonNode message, String field) {
        String type = string(message, "type");
        String id = string(message, "id");
        LineConversations.Kind kind;
        if ("text".equals(type)) {
            kind = LineConversations.Kind.TEXT;
        } else if ("image".equals(type)) {
            kind = LineConversations.Kind.IMAGE;
        } else if ("sticker".equals(type)) {
            kind = LineConversations.Kind.STICKER;
        } else if ("file".equals(type)) {
            kind = LineConversations.Kind.FILE;
        } else if ("video".equals(type)) {
            kind = LineConversations.Kind.VIDEO;
        } else if ("audio".equals(type)) {
            kind = LineConversations.Kind.AUDIO;
        } else if ("location".equals(type)) {
            return new LineConversations.Message(id, LineConversations.Kind.LOCATION, place(message), null);
        } else {
            // a type LINE adds later: kept as what the customer sent, labelled by its type
            return new LineConversations.Message(id, LineConversations.Kind.FILE, null, type);
        }
        String text = kind == LineConversations.Kind.STICKER ? stickerLabel(message) : string(message, "text");
        return new LineConversations.Message(id, kind, text, string(message, "fileName"));
    }

    /**
     * A location's words: its name and address as LINE gives them ({@code title}, {@code address}),
     * else the coordinates, so an operator can always find the place.
     */
    private static String place(JsonNode location) {
        List<String> words = new ArrayList<>();
        for (String field : List.of("title", "address")) {
            String value = string(location, field);
            if (value != null && !value.isBlank()) {
                words.add(value.strip());
            }
        }
        if (words.isEmpty()
                && location.path("latitude").isNumber()
                && location.path("longitude").isNumber()) {
            words.add(location.get("latitude").asDouble() + ", "
                    + location.get("longitude").asDouble());
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    /** A sticker's words: its own text (message stickers), else up to three of its keywords. */
    private static String stickerLabel(JsonNode sticker) {
        String own = string(sticker, "text");
        if (own != null && !own.isBlank()) {
            return own;
        }
        JsonNode keywords = sticker.get("keywords");
        if (keywords == null || !keywords.isArray() || keywords.isEmpty()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < Math.min(3, keywords.size()); i++) {
            if (keywords.get(i).isString()) {
                words.add(keywords.get(i).asString());
            }
        }
        return String.join(", ", words);
    }

    private static String string(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static String printable(String value) {
        return value == null ? "" : value.replaceAll("[^A-Za-z0-9_-]", "?");
    }
}
