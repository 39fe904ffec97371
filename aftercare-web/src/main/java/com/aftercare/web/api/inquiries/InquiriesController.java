package com.aftercare.web.api.inquiries;

import com.aftercare.domain.request.RequestKey;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.ChatThread;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.web.api.EnumValues;
import com.aftercare.web.api.JsonBodies;
import com.aftercare.web.api.ProblemResponses;
import com.aftercare.web.api.inquiries.InquiryRequests.AddMessageRequest;
import com.aftercare.web.api.inquiries.InquiryRequests.OpenInquiryRequest;
import com.aftercare.web.security.StorefrontAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inquiries from a storefront's contact form or chat. An inquiry is addressed by its reference
 * ({@code INQ-2026-000123}); a storefront sees only the inquiries that came through it, and any
 * other reference answers 404 exactly like an unknown one.
 */
@RestController
@ProblemResponses
@Tag(name = "Inquiries", description = "Customer inquiries sent by a storefront")
@SecurityRequirement(name = "apiKey")
class InquiriesController {

    private static final String PATH = "/api/v1/inquiries";
    /** The scope of this endpoint's idempotency keys (a key may be reused on other endpoints). */
    private static final String OPEN_SCOPE = "inquiry.open";
    /** Followed by the inquiry's reference: a key is one message to one inquiry. */
    private static final String MESSAGE_SCOPE = "inquiry.message:";

    private final Inquiries inquiries;
    private final JsonBodies bodies;

    InquiriesController(Inquiries inquiries, JsonBodies bodies) {
        this.inquiries = inquiries;
        this.bodies = bodies;
    }

    @Operation(
            summary = "Open an inquiry for a customer",
            description = """
                    The customer is recognised by email (created if new). `orderNumber`, when given, must be an order of \
                    the calling storefront, else 400 on `orderNumber`. The answer's `id` is the inquiry's reference, used \
                    in every later URL. A CHAT inquiry may carry `chat` (your conversation and customer ids): operator \
                    replies then go to your `inquiry.message_sent` webhook with them instead of a mail. Idempotent with an `Idempotency-Key` header (at most 200 characters, unique per \
                    storefront): a retry with the same key and body answers the inquiry the first try opened, with \
                    `duplicate: true`, and writes nothing; the same key with a different body is 409. Without the header a \
                    retry after a network error may open a second inquiry.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = OpenInquiryRequest.class),
                                            examples =
                                                    @ExampleObject(name = "web form", value = InquiryExamples.OPEN))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "Opened; Location names the inquiry",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = InquiryCreated.class),
                                        examples = @ExampleObject(value = InquiryExamples.OPENED)))
            })
    @ProblemResponses.JsonBody
    @ProblemResponses.BadRequest("Missing or malformed field, unknown order; the problem names each field")
    @ProblemResponses.Conflict("The Idempotency-Key was used for a different request")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InquiryCreated> open(
            @RequestBody String body,
            @Parameter(description = "Makes retries safe: the same key and body answer the first inquiry again")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @Parameter(hidden = true) StorefrontAuthentication caller) {
        JsonBodies.Parsed<OpenInquiryRequest> parsed = bodies.read(body, OpenInquiryRequest.class);
        OpenInquiryRequest request = parsed.value();
        RequestKey key = RequestKey.optional(
                caller.storefront(), OPEN_SCOPE, idempotencyKey, bodies.canonicalSha256(parsed.tree()));
        Inquiries.Opened opened = inquiries.open(
                new Inquiries.OpenInquiry(
                        caller.storefront(),
                        EnumValues.parse("channel", Channel.class, request.channel()),
                        request.customer().email(),
                        request.customer().name(),
                        request.customer().phone(),
                        request.orderNumber(),
                        request.category() == null
                                ? null
                                : EnumValues.parse("category", Category.class, request.category()),
                        null,
                        request.subject(),
                        request.body(),
                        null,
                        request.chat() == null
                                ? null
                                : ChatThread.of(
                                        request.chat().conversationId(),
                                        request.chat().customerId())),
                key);
        return ResponseEntity.created(URI.create(PATH + "/" + opened.reference()))
                .body(new InquiryCreated(
                        opened.reference(), opened.reference(), opened.status().name(), opened.existing()));
    }

    @Operation(
            summary = "Add the customer's next message to an inquiry",
            description = """
                    A resolved inquiry, or one waiting on the customer, goes back to OPEN. A CLOSED inquiry stays closed: \
                    the message opens a follow-up inquiry instead, named in `inquiry` (and in Location), with `followUpOf` \
                    naming the closed one. Idempotent with an `Idempotency-Key` header (per storefront and inquiry): a \
                    retry with the same key and body answers the message the first try added and adds nothing; the same \
                    key with a different body is 409. A chat sends its own message id as the key, so a message \
                    delivered twice is stored once.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = AddMessageRequest.class),
                                            examples =
                                                    @ExampleObject(name = "reply", value = InquiryExamples.MESSAGE))),
            responses = {@ApiResponse(responseCode = "201", description = "Added")})
    @ProblemResponses.JsonBody
    @ProblemResponses.BadRequest("Missing or malformed field")
    @ProblemResponses.NotFound("No such inquiry for this storefront")
    @ProblemResponses.Conflict("The Idempotency-Key was used for a different message")
    @PostMapping(
            path = PATH + "/{reference}/messages",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MessageCreated> addMessage(
            @Parameter(description = "The inquiry's reference", example = "INQ-2026-000123") @PathVariable
                    String reference,
            @RequestBody String body,
            @Parameter(description = "Makes retries safe: the same key and body answer the first message again")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @Parameter(hidden = true) StorefrontAuthentication caller) {
        // Read the body first: a malformed body is a 400 whatever the reference.
        JsonBodies.Parsed<AddMessageRequest> parsed = bodies.read(body, AddMessageRequest.class);
        AddMessageRequest request = parsed.value();
        RequestKey key = RequestKey.optional(
                caller.storefront(), MESSAGE_SCOPE + reference, idempotencyKey, bodies.canonicalSha256(parsed.tree()));
        Inquiries.MessageAdded added = inquiries.addCustomerMessage(
                new Inquiries.AddCustomerMessage(caller.storefront(), reference, request.body(), request.author()),
                key);
        return ResponseEntity.created(URI.create(PATH + "/" + added.reference()))
                .body(new MessageCreated(
                        added.messageId(), added.reference(), added.status().name(), added.followUpOf()));
    }

    @Operation(
            summary = "An inquiry of the calling storefront, with the messages the customer can see",
            description =
                    "Internal notes and operator names are never shown. Another storefront's inquiry answers 404.",
            responses = @ApiResponse(responseCode = "200", description = "The inquiry"))
    @ProblemResponses.NotFound("No such inquiry for this storefront")
    @GetMapping(path = PATH + "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    InquiryResponse inquiry(
            @Parameter(description = "The inquiry's reference", example = "INQ-2026-000123") @PathVariable
                    String reference,
            @Parameter(hidden = true) StorefrontAuthentication caller) {
        return inquiries
                .find(caller.storefront(), reference)
                .map(InquiryResponse::of)
                .orElseThrow(() -> NotFound.inquiry(reference));
    }

    @Schema(name = "InquiryCreated")
    record InquiryCreated(
            @Schema(description = "The inquiry's id in this API: its reference", example = "INQ-2026-000123")
            String id,

            @Schema(example = "INQ-2026-000123") String reference,

            @Schema(example = "NEW") String status,

            @Schema(description = "True when an earlier try with the same Idempotency-Key opened it")
            boolean duplicate) {}

    @Schema(name = "InquiryMessageCreated")
    record MessageCreated(
            long messageId,

            @Schema(description = "The inquiry the message went to (a follow-up when the original was closed)")
            String inquiry,

            @Schema(allowableValues = {"NEW", "OPEN", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED"})
            String status,

            @Schema(description = "The closed inquiry this follow-up continues, else null")
            String followUpOf) {}

    @Schema(name = "Inquiry")
    record InquiryResponse(
            String reference,

            @Schema(allowableValues = {"NEW", "OPEN", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED"})
            String status,

            String channel,
            String category,
            String subject,

            @Schema(description = "The closed inquiry this one continues, if any")
            String followUpOf,

            Instant createdAt,
            Instant resolvedAt,
            List<Message> messages) {

        record Message(
                @Schema(
                        description = "CUSTOMER or SHOP",
                        allowableValues = {"CUSTOMER", "SHOP"})
                String from,

                String body,
                Instant at) {}

        static InquiryResponse of(InquiryView v) {
            return new InquiryResponse(
                    v.reference(),
                    v.status().name(),
                    v.channel().name(),
                    v.category().name(),
                    v.subject(),
                    v.followUpOfReference(),
                    v.createdAt(),
                    v.resolvedAt(),
                    v.messages().stream()
                            .filter(m -> !m.direction().equals("NOTE"))
                            .map(m -> new Message(
                                    m.direction().equals("INBOUND") ? "CUSTOMER" : "SHOP", m.body(), m.at()))
                            .toList());
        }
    }
}
