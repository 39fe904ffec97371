package com.aftercare.web.api.events;

import com.aftercare.domain.ingest.EventIngestion;
import com.aftercare.domain.ingest.IngestOutcome;
import com.aftercare.domain.ingest.StorefrontEvent;
import com.aftercare.web.api.JsonBodies;
import com.aftercare.web.api.ProblemResponses;
import com.aftercare.web.security.StorefrontAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ProblemResponses
@Tag(name = "Events", description = "Order and customer events from storefronts")
@SecurityRequirement(name = "apiKey")
class EventsController {

    private final EventIngestion ingestion;
    private final JsonBodies bodies;

    EventsController(EventIngestion ingestion, JsonBodies bodies) {
        this.ingestion = ingestion;
        this.bodies = bodies;
    }

    @Operation(
            summary = "Send one storefront event",
            description = """
                    Idempotent by `id`: a retry with the same body gets the same answer again (with `duplicate: true`); \
                    the same id with a different body is 409. Events may arrive in any order: an older event never moves \
                    an order backwards, and an event for an order not yet known is kept (202, `PENDING_ORDER`) and applied \
                    when its `order.placed` arrives. `coupon.redeemed` reports a code used on an order: an unknown, \
                    expired, already used or other storefront's code is 400 with the field `coupon.code`. \
                    Bodies over 1 MiB are refused (413).""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = EventRequest.class),
                                            examples = {
                                                @ExampleObject(name = "order.placed", value = EventExamples.PLACED),
                                                @ExampleObject(name = "order.paid", value = EventExamples.PAID),
                                                @ExampleObject(name = "order.shipped", value = EventExamples.SHIPPED),
                                                @ExampleObject(
                                                        name = "order.delivered",
                                                        value = EventExamples.DELIVERED),
                                                @ExampleObject(
                                                        name = "order.cancelled",
                                                        value = EventExamples.CANCELLED),
                                                @ExampleObject(
                                                        name = "customer.registered",
                                                        value = EventExamples.REGISTERED),
                                                @ExampleObject(
                                                        name = "coupon.redeemed",
                                                        value = EventExamples.COUPON_REDEEMED)
                                            })),
            responses = {
                @ApiResponse(responseCode = "200", description = "Applied (or a retry of an event already taken)"),
                @ApiResponse(responseCode = "202", description = "Kept until its order arrives")
            })
    @ProblemResponses.JsonBody
    @ProblemResponses.BadRequest("Malformed event; the problem names each field")
    @ProblemResponses.Conflict("Event id reused with a different body")
    @PostMapping(
            path = "/api/v1/events",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EventReceipt> receive(
            @RequestBody String body, @Parameter(hidden = true) StorefrontAuthentication caller) {
        JsonBodies.Parsed<EventRequest> parsed = bodies.read(body, EventRequest.class);
        StorefrontEvent event = EventMapping.toDomain(parsed.value());
        IngestOutcome outcome =
                ingestion.ingest(caller.storefront(), event, bodies.canonicalSha256(parsed.tree()), body);
        HttpStatus status =
                outcome.result() == IngestOutcome.Result.PENDING_ORDER ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(EventReceipt.of(outcome));
    }

    /** What became of the event. */
    @Schema(name = "EventReceipt")
    record EventReceipt(
            String eventId,

            @Schema(allowableValues = {"APPLIED", "PENDING_ORDER", "IGNORED"})
            String result,

            @Schema(description = "True when this was a retry of an event already taken")
            boolean duplicate,

            String orderNumber,

            @Schema(description = "The order's status after the event, when the order is known")
            String orderStatus) {

        static EventReceipt of(IngestOutcome outcome) {
            return new EventReceipt(
                    outcome.eventId(),
                    outcome.result().name(),
                    outcome.duplicate(),
                    outcome.orderNumber(),
                    outcome.orderStatus() == null ? null : outcome.orderStatus().name());
        }
    }
}
