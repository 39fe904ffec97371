package com.aftercare.web.api.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.Claims;
import com.aftercare.returns.Settlement;
import com.aftercare.web.api.EnumValues;
import com.aftercare.web.api.JsonBodies;
import com.aftercare.web.api.ProblemResponses;
import com.aftercare.web.api.returns.ReturnRequests.OpenReturnRequest;
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
import java.time.LocalDate;
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
 * Return and other after-sales requests from storefronts that take them themselves. The same
 * rules as the portal: the order must be the caller's (else 404), delivered and not cancelled,
 * each line a SKU of the order with no more than is left to claim, and the product's policy must
 * allow it. A claim is addressed by its RMA number.
 */
@RestController
@ProblemResponses
@Tag(name = "Returns", description = "Returns, exchanges, refund-guarantee claims, repairs and recycling pick-ups")
@SecurityRequirement(name = "apiKey")
class ReturnsController {

    private static final String PATH = "/api/v1/returns";

    private final ClaimRequests requests;
    private final Claims claims;
    private final JsonBodies bodies;

    ReturnsController(ClaimRequests requests, Claims claims, JsonBodies bodies) {
        this.requests = requests;
        this.claims = claims;
        this.bodies = bodies;
    }

    @Operation(
            summary = "Open a return, exchange, refund-guarantee, repair or recycling request",
            description = """
                    Checked on the server against the order and the product's after-sales policy before anything is \
                    written. Idempotent with an `Idempotency-Key` header (at most 200 characters, unique per \
                    storefront): a retry with the same key and the same body (key order and whitespace do not matter) \
                    answers the first claim again with `duplicate: true`; the same key with a different body is a 409. \
                    Without the header every call opens a new claim.""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = OpenReturnRequest.class),
                                            examples = @ExampleObject(name = "return", value = ReturnExamples.OPEN))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description =
                                "Opened (or, with `duplicate: true`, opened by an earlier try); Location names it",
                        content =
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(implementation = ReturnCreated.class),
                                        examples = @ExampleObject(value = ReturnExamples.OPENED)))
            })
    @ProblemResponses.JsonBody
    @ProblemResponses.BadRequest(
            "Missing or malformed field, unknown type or reason, a SKU not in the order, a quantity above what is "
                    + "left to claim; the problem names each field")
    @ProblemResponses.NotFound("No such order for this storefront")
    @ProblemResponses.Conflict("The Idempotency-Key was used for a different request")
    @ProblemResponses.Unprocessable("The rules refuse it: order cancelled or not delivered, window passed, final "
            + "sale, guarantee used…; `errors[].field` names the order or the line, `rule` the reason")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReturnCreated> open(
            @RequestBody String body,
            @Parameter(description = "Makes retries safe: the same key and body answer the first claim again")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @Parameter(hidden = true) StorefrontAuthentication caller) {
        JsonBodies.Parsed<OpenReturnRequest> parsed = bodies.read(body, OpenReturnRequest.class);
        OpenReturnRequest request = parsed.value();
        ClaimRequests.Opened opened = requests.open(new ClaimRequests.OpenClaim(
                caller.storefront(),
                request.orderNumber(),
                EnumValues.parse("type", RequestType.class, request.type()),
                EnumValues.parse("reason", ReturnReason.class, request.reason()),
                request.lines().stream()
                        .map(l -> new ClaimRequests.LineRequest(l.sku(), l.quantity(), l.exchangeSku()))
                        .toList(),
                request.settlement() == null
                        ? null
                        : EnumValues.parse("settlement", Settlement.class, request.settlement()),
                request.note(),
                Boolean.TRUE.equals(request.surveyAnswered()),
                ClaimChannel.API,
                idempotencyKey,
                bodies.canonicalSha256(parsed.tree()),
                ClaimRequests.CUSTOMER));
        return ResponseEntity.created(URI.create(PATH + "/" + opened.rma()))
                .body(new ReturnCreated(opened.rma(), opened.status().name(), opened.existing()));
    }

    @Operation(
            summary = "A claim of the calling storefront, as the customer may see it",
            description = """
                    Operator names and internal notes are never shown. Another storefront's claim answers 404. \
                    `/api/v1/claims/{rma}` is the same claim under the read API's name.""",
            responses = @ApiResponse(responseCode = "200", description = "The claim"))
    @ProblemResponses.NotFound("No such claim for this storefront")
    @GetMapping(
            path = {PATH + "/{rma}", ClaimListController.PATH + "/{rma}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ReturnResponse claim(
            @Parameter(description = "The RMA number", example = "RMA-2026-000123") @PathVariable String rma,
            @Parameter(hidden = true) StorefrontAuthentication caller) {
        return claims.byRma(caller.storefront(), rma).map(ReturnResponse::of).orElseThrow(() -> NotFound.claim(rma));
    }

    @Schema(name = "ReturnCreated")
    record ReturnCreated(
            @Schema(example = "RMA-2026-000123") String rma,
            @Schema(example = "REQUESTED") String status,

            @Schema(description = "True when an earlier try with the same Idempotency-Key opened it")
            boolean duplicate) {}

    @Schema(name = "Return")
    record ReturnResponse(
            String rma,

            @Schema(
                    allowableValues = {
                        "REQUESTED",
                        "QUOTED",
                        "QUOTE_DECLINED",
                        "APPROVED",
                        "REJECTED",
                        "AWAITING_ITEM",
                        "RECEIVED",
                        "INSPECTED",
                        "REFUNDED",
                        "EXCHANGE_SHIPPED",
                        "REPAIRED",
                        "CLOSED"
                    })
            String status,

            String type,
            String reason,
            String orderNumber,
            List<Line> lines,

            @Schema(description = "The last day the request could be made, when there was a limit")
            LocalDate eligibleUntil,

            @Schema(description = "Who pays return shipping: SHOP or CUSTOMER")
            String returnShipping,

            @Schema(description = "Why it was refused, as the customer reads it")
            String rejectionReason,

            @Schema(description = "A paid repair's quote, in yen")
            Long quoteYen,

            @Schema(description = "The amount refunded (or credited), in yen, once refunded")
            Long refundYen,

            @Schema(description = "TO_PAYMENT, BANK_TRANSFER or STORE_CREDIT")
            String refundRoute,

            @Schema(description = "The coupon code carrying the store credit, once issued", example = "ABCD-EFGH-JKLM")
            String storeCreditCoupon,

            @Schema(description = "The apology coupon offered when damage in transit was confirmed")
            String apologyCoupon,

            @Schema(description = "A transfer refund still waits for the customer's bank account (given on the portal)")
            boolean needsBankAccount,

            Instant requestedAt,
            Instant resolvedAt,
            List<Step> history) {

        // Named apart from the order's Line: the OpenAPI document keeps one schema per name.
        @Schema(name = "ReturnLine")
        record Line(String sku, int quantity, String exchangeSku) {}

        @Schema(name = "ReturnStep")
        record Step(String status, Instant at) {}

        static ReturnResponse of(ClaimView v) {
            return new ReturnResponse(
                    v.rma(),
                    v.status().name(),
                    v.type().name(),
                    v.reason().name(),
                    v.orderNumber(),
                    v.lines().stream()
                            .map(l -> new Line(l.sku(), l.quantity(), l.exchangeSku()))
                            .toList(),
                    v.eligibility().until(),
                    v.eligibility().returnShipping() == null
                            ? null
                            : v.eligibility().returnShipping().name(),
                    v.rejectionReason(),
                    v.quoteYen(),
                    v.refund() == null ? null : v.refund().total(),
                    v.refundRoute().name(),
                    v.couponCode(),
                    v.apologyCouponCode(),
                    v.needsBankAccount(),
                    v.requestedAt(),
                    v.resolvedAt(),
                    v.history().stream()
                            .map(h -> new Step(h.to().name(), h.at()))
                            .toList());
        }
    }
}
