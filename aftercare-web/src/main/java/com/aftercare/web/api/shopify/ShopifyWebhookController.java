package com.aftercare.web.api.shopify;

import static com.aftercare.web.problem.ProblemWriter.problem;

import com.aftercare.domain.ingest.EventIngestion;
import com.aftercare.domain.ingest.IngestOutcome;
import com.aftercare.domain.shopify.ShopifyConnections;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.web.api.InvalidRequest;
import com.aftercare.web.api.JsonBodies;
import com.aftercare.web.api.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

/**
 * Shopify's webhooks, as Shopify sends them, for one storefront each. No API key: the signature
 * is the proof, checked on the raw body before anything reads it. The webhook id is the event's
 * idempotency key (Shopify retries for hours and out of order), and the payload becomes the same
 * storefront event our own API takes, through the one ingestion. Shopify waits five seconds for
 * an answer and retries anything but a 2xx, so every webhook it may send answers 200: a topic
 * Aftercare does not use, or a payload that changes nothing, is acknowledged with a log line.
 */
@RestController
@ProblemResponses(unauthorized = ShopifyWebhookController.UNSIGNED)
@Tag(name = "Shopify webhooks", description = "Shopify's own webhooks, signed with the storefront's Shopify secret")
class ShopifyWebhookController {

    static final String UNSIGNED = "Missing or wrong X-Shopify-Hmac-Sha256 for this storefront";
    static final String EVENT_ID_PREFIX = "shopify:";

    private static final Logger log = LoggerFactory.getLogger(ShopifyWebhookController.class);

    private final ShopifyConnections connections;
    private final EventIngestion ingestion;
    private final JsonBodies bodies;
    private final Clock clock;

    ShopifyWebhookController(ShopifyConnections connections, EventIngestion ingestion, JsonBodies bodies, Clock clock) {
        this.connections = connections;
        this.ingestion = ingestion;
        this.bodies = bodies;
        this.clock = clock;
    }

    @Operation(
            summary = "Receive one Shopify webhook",
            description = """
                    The URL to give Shopify for the storefront with that code. `X-Shopify-Hmac-Sha256` must be the \
                    Base64 HMAC-SHA256 of the raw body with the storefront's Shopify webhook secret (set in the console \
                    under Storefronts → Shopify); anything else is 401 and nothing is stored. Topics applied: \
                    orders/create, orders/paid, orders/fulfilled, orders/cancelled, fulfillments/create, \
                    fulfillments/update (shipment_status delivered), refunds/create, customers/create, customers/update, \
                    customers_email_marketing_consent/update; any other topic is acknowledged and ignored. \
                    `X-Shopify-Webhook-Id` is the idempotency key: a redelivery answers 200 (`duplicate: true`) and \
                    changes nothing. Bodies over 1 MiB are refused (413).""",
            parameters = {
                @Parameter(name = "X-Shopify-Hmac-Sha256", in = ParameterIn.HEADER, required = true),
                @Parameter(
                        name = "X-Shopify-Topic",
                        in = ParameterIn.HEADER,
                        required = true,
                        example = "orders/create"),
                @Parameter(
                        name = "X-Shopify-Webhook-Id",
                        in = ParameterIn.HEADER,
                        required = true,
                        example = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"),
                @Parameter(name = "X-Shopify-Triggered-At", in = ParameterIn.HEADER)
            },
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Applied, kept until its order or customer arrives, a redelivery, or ignored",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = ShopifyReceipt.class)))
            })
    @ProblemResponses.JsonBody
    @ProblemResponses.BadRequest("Signed, but not JSON, a required header missing, or a field Aftercare cannot use")
    @ProblemResponses.Conflict("The webhook id was used before with a different body")
    @PostMapping(
            path = "/api/v1/webhooks/shopify/{storefront}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(
            @Parameter(description = "The storefront's code", example = "shopify-jp") @PathVariable String storefront,
            @Parameter(hidden = true) @RequestHeader(name = "X-Shopify-Hmac-Sha256", required = false) String signature,
            @Parameter(hidden = true) @RequestHeader(name = "X-Shopify-Topic", required = false) String topicHeader,
            @Parameter(hidden = true) @RequestHeader(name = "X-Shopify-Webhook-Id", required = false) String webhookId,
            @Parameter(hidden = true) @RequestHeader(name = "X-Shopify-Triggered-At", required = false)
                    String triggeredAt,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Optional<StorefrontId> verified = connections.verify(storefront, raw, signature);
        if (verified.isEmpty()) {
            log.warn(
                    "Shopify webhook for storefront '{}' refused: the signature does not match", printable(storefront));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", UNSIGNED));
        }
        String topicName = requireHeader("X-Shopify-Topic", topicHeader);
        Optional<ShopifyTopic> topic = ShopifyTopic.of(topicName);
        if (topic.isEmpty()) {
            log.info(
                    "Shopify webhook {} for storefront '{}': topic {} is not used, acknowledged",
                    webhookId,
                    storefront,
                    topicName);
            return ResponseEntity.ok(ShopifyReceipt.ignored(topicName, "topic not used by Aftercare"));
        }
        String eventId = EVENT_ID_PREFIX + requireHeader("X-Shopify-Webhook-Id", webhookId);
        StorefrontId id = verified.get();
        JsonBodies.Parsed<?> parsed =
                bodies.read(new String(raw, StandardCharsets.UTF_8), topic.get().payload());
        ShopifyMapping.Result mapped = ShopifyMapping.map(
                topic.get(),
                parsed.value(),
                new ShopifyMapping.Context(
                        eventId, triggeredAt(triggeredAt), gateways -> connections.paymentMethodFor(id, gateways)));
        if (mapped.event() == null) {
            log.info(
                    "Shopify webhook {} ({}) for storefront '{}' changes nothing: {}",
                    webhookId,
                    topicName,
                    storefront,
                    mapped.ignoredBecause());
            return ResponseEntity.ok(ShopifyReceipt.ignored(topicName, mapped.ignoredBecause()));
        }
        IngestOutcome outcome = ingestion.ingest(
                id, mapped.event(), bodies.canonicalSha256(parsed.tree()), new String(raw, StandardCharsets.UTF_8));
        return ResponseEntity.ok(ShopifyReceipt.of(topicName, outcome));
    }

    /** When Shopify fired the webhook, for a payload without a time of its own; now when it does not say. */
    private Instant triggeredAt(String header) {
        if (header != null && !header.isBlank()) {
            try {
                return OffsetDateTime.parse(header.strip()).toInstant();
            } catch (DateTimeParseException e) {
                log.debug("Unreadable X-Shopify-Triggered-At '{}', using the time received", header);
            }
        }
        return clock.instant();
    }

    /** For the log: what a caller sent, without characters that could forge log lines. */
    private static String printable(String value) {
        return value == null ? null : value.replaceAll("[^\\x21-\\x7E]", "?");
    }

    private static String requireHeader(String name, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequest.of(name, "is required");
        }
        String stripped = value.strip();
        if (stripped.length() > 150 || stripped.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw InvalidRequest.of(name, "must be at most 150 printable characters");
        }
        return stripped;
    }

    /** What became of a webhook. */
    @Schema(name = "ShopifyReceipt")
    record ShopifyReceipt(
            String topic,

            @Schema(allowableValues = {"APPLIED", "PENDING_ORDER", "PENDING_CUSTOMER", "IGNORED"})
            String result,

            @Schema(description = "True when this was a redelivery of a webhook already taken")
            boolean duplicate,

            String orderNumber,

            @Schema(
                    description =
                            "Why a webhook changed nothing (a topic Aftercare does not use, an order not cancelled)")
            String reason) {

        static ShopifyReceipt of(String topic, IngestOutcome outcome) {
            return new ShopifyReceipt(topic, outcome.result().name(), outcome.duplicate(), outcome.orderNumber(), null);
        }

        static ShopifyReceipt ignored(String topic, String reason) {
            return new ShopifyReceipt(topic, IngestOutcome.Result.IGNORED.name(), false, null, reason);
        }
    }
}
