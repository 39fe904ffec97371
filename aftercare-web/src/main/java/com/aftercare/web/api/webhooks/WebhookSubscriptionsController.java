package com.aftercare.web.api.webhooks;

import com.aftercare.domain.webhook.WebhookSubscriptions;
import com.aftercare.domain.webhook.WebhookSubscriptions.Subscription;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A storefront's outgoing webhooks: subscribe a URL to events, list, delete. Scoped to the
 * calling API key's storefront; another storefront's subscription answers 404.
 */
@RestController
@ProblemResponses
@Tag(name = "Webhook subscriptions")
@SecurityRequirement(name = "apiKey")
class WebhookSubscriptionsController {

    static final String PATH = "/api/v1/webhook-subscriptions";

    private static final String CREATE_EXAMPLE = """
            {"url": "https://shop.example.jp/hooks/aftercare",
             "events": ["claim.approved", "claim.refund_recorded", "claim.exchange_requested", "coupon.issued"]}""";

    private static final String CREATED_EXAMPLE = """
            {"id": 12, "url": "https://shop.example.jp/hooks/aftercare",
             "events": ["claim.approved", "claim.refund_recorded", "claim.exchange_requested", "coupon.issued"],
             "createdAt": "2026-12-04T10:15:30Z", "disabled": false,
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""";

    private final WebhookSubscriptions subscriptions;
    private final JsonBodies bodies;

    WebhookSubscriptionsController(WebhookSubscriptions subscriptions, JsonBodies bodies) {
        this.subscriptions = subscriptions;
        this.bodies = bodies;
    }

    @Operation(
            summary = "Subscribe a URL to events",
            description = """
                    The URL must be https and must not resolve to a loopback, link-local or private address, unless \
                    its host is on the allowed list (AFTERCARE_WEBHOOKS_ALLOWED_HOSTS or the console). Events: \
                    claim.opened, claim.approved, claim.rejected, claim.refund_recorded, claim.exchange_requested, \
                    claim.closed, inquiry.opened, inquiry.resolved, inquiry.message_sent, coupon.issued, customer.opted_out. The answer \
                    carries the signing secret (whsec_…) once; it is never shown again.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = SubscribeRequest.class),
                                            examples = @ExampleObject(name = "subscribe", value = CREATE_EXAMPLE))),
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            description = "Subscribed; Location names it; the secret is shown this once",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = CreatedResponse.class),
                                            examples = @ExampleObject(value = CREATED_EXAMPLE))))
    @ProblemResponses.JsonBody
    @ProblemResponses.BadRequest("Missing or malformed url, an http URL or one pointing inward (loopback, private, "
            + "link-local) whose host is not allowed, an unknown event name (events[i]), too many subscriptions")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedResponse> subscribe(
            @RequestBody String body, @Parameter(hidden = true) StorefrontAuthentication caller) {
        SubscribeRequest request = bodies.read(body, SubscribeRequest.class).value();
        WebhookSubscriptions.Created created = subscriptions.subscribe(
                caller.storefront(),
                request.url(),
                request.events(),
                "api:storefront-" + caller.storefront().value());
        Subscription s = created.subscription();
        return ResponseEntity.created(URI.create(PATH + "/" + s.id()))
                .body(new CreatedResponse(s.id(), s.url(), s.events(), s.createdAt(), !s.live(), created.secret()));
    }

    @Operation(
            summary = "The calling storefront's subscriptions (without secrets)",
            responses = @ApiResponse(responseCode = "200", description = "The subscriptions, oldest first"))
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    List<SubscriptionResponse> list(@Parameter(hidden = true) StorefrontAuthentication caller) {
        return subscriptions.of(caller.storefront()).stream()
                .map(SubscriptionResponse::of)
                .toList();
    }

    @Operation(
            summary = "Delete a subscription; deliveries still waiting for it are cancelled",
            responses = @ApiResponse(responseCode = "204", description = "Deleted"))
    @ProblemResponses.BadRequest("The id is not a number")
    @ProblemResponses.NotFound("No such subscription for this storefront")
    @DeleteMapping(path = PATH + "/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @Parameter(hidden = true) StorefrontAuthentication caller) {
        subscriptions.delete(
                caller.storefront(), id, "api:storefront-" + caller.storefront().value());
        return ResponseEntity.noContent().build();
    }

    @Schema(name = "WebhookSubscribeRequest")
    record SubscribeRequest(
            @Schema(example = "https://shop.example.jp/hooks/aftercare")
            String url,

            @Schema(example = "[\"claim.approved\", \"claim.refund_recorded\"]")
            List<String> events) {}

    @Schema(name = "WebhookSubscriptionCreated")
    record CreatedResponse(
            long id,
            String url,
            List<String> events,
            Instant createdAt,

            @Schema(description = "true once the receiver answered 410 Gone")
            boolean disabled,

            @Schema(description = "The signing secret, whsec_ + Base64; shown only in this answer")
            String secret) {}

    @Schema(name = "WebhookSubscription")
    record SubscriptionResponse(
            long id,
            String url,
            List<String> events,
            Instant createdAt,

            @Schema(description = "true once the receiver answered 410 Gone")
            boolean disabled,

            String disabledReason) {

        static SubscriptionResponse of(Subscription s) {
            return new SubscriptionResponse(s.id(), s.url(), s.events(), s.createdAt(), !s.live(), s.disabledWhy());
        }
    }
}
