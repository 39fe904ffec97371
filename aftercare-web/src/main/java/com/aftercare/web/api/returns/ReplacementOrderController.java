package com.aftercare.web.api.returns;

import com.aftercare.returns.exchange.ReplacementOrders;
import com.aftercare.web.api.JsonBodies;
import com.aftercare.web.api.ProblemResponses;
import com.aftercare.web.security.StorefrontAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The storefront names the order that ships an exchange's replacement (after
 * {@code claim.exchange_requested}); that order's {@code order.shipped} then ships the exchange.
 */
@RestController
@ProblemResponses
@Tag(name = "Returns")
@SecurityRequirement(name = "apiKey")
class ReplacementOrderController {

    private final ReplacementOrders replacements;
    private final JsonBodies bodies;

    ReplacementOrderController(ReplacementOrders replacements, JsonBodies bodies) {
        this.replacements = replacements;
        this.bodies = bodies;
    }

    @Schema(name = "ReplacementOrder")
    record ReplacementOrderRequest(
            @Schema(
                    description = "The storefront's number of the order that ships the replacement",
                    example = "R-20261205-0042")
            String orderNumber) {}

    @Operation(
            summary = "Link the order that ships an exchange's replacement",
            description = """
                    For an approved exchange whose replacement has not shipped. Linking again replaces the link. \
                    When that order has shipped already, the exchange is marked shipped at once.""",
            responses = @ApiResponse(responseCode = "204", description = "Linked"))
    @ProblemResponses.JsonBody
    @ProblemResponses.BadRequest("orderNumber missing, the claim's own order, or another claim's replacement; rma not "
            + "an exchange waiting for its replacement")
    @ProblemResponses.NotFound("No such claim for this storefront")
    @PutMapping(path = "/api/v1/returns/{rma}/replacement-order", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> link(
            @Parameter(description = "The RMA number", example = "RMA-2026-000123") @PathVariable String rma,
            @RequestBody String body,
            @Parameter(hidden = true) StorefrontAuthentication caller) {
        ReplacementOrderRequest request =
                bodies.read(body, ReplacementOrderRequest.class).value();
        replacements.link(
                caller.storefront(),
                rma,
                request.orderNumber(),
                "api:storefront-" + caller.storefront().value());
        return ResponseEntity.noContent().build();
    }
}
