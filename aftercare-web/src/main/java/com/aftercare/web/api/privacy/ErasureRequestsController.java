package com.aftercare.web.api.privacy;

import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.privacy.Erasures;
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

/**
 * A storefront passes on a customer's erasure request (消去・利用停止請求). The answer never tells
 * whether the email belonged to anyone: the same 202 and body for a customer of this storefront, a
 * customer of another one, and nobody at all.
 */
@RestController
@ProblemResponses
@Tag(name = "Privacy")
@SecurityRequirement(name = "apiKey")
class ErasureRequestsController {

    static final String PATH = "/api/v1/privacy/erasure-requests";

    private static final String ACCEPTED_EXAMPLE = """
            {"status": "accepted"}""";

    private final Erasures erasures;
    private final JsonBodies bodies;

    ErasureRequestsController(Erasures erasures, JsonBodies bodies) {
        this.erasures = erasures;
        this.bodies = bodies;
    }

    @Operation(
            summary = "Erase a customer on their request",
            description = """
                    Anonymises the customer with this email, if they have an order or an account at the calling \
                    storefront: name, email, phone, addresses, message bodies, photos and bank accounts everywhere; \
                    every mail not yet sent is cancelled. Orders, amounts, reasons and times stay for the figures; \
                    orders inside the legal bookkeeping period keep their order number until it ends (docs/privacy.md). \
                    The answer is the same whether or not the email is known (no enumeration).""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ErasureRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "erase",
                                                            value = "{\"email\": \"hanako@example.jp\"}"))),
            responses =
                    @ApiResponse(
                            responseCode = "202",
                            description = "Accepted; the same answer for any well-formed email",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = Accepted.class),
                                            examples = @ExampleObject(value = ACCEPTED_EXAMPLE))))
    @ProblemResponses.JsonBody
    @ProblemResponses.BadRequest("Missing or malformed email")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> request(
            @RequestBody String body, @Parameter(hidden = true) StorefrontAuthentication caller) {
        ErasureRequest request = bodies.read(body, ErasureRequest.class).value();
        erasures.requestFromStorefront(caller.storefront(), EmailAddress.of(request.email()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Accepted.INSTANCE);
    }

    @Schema(name = "ErasureRequest")
    record ErasureRequest(
            @Schema(example = "hanako@example.jp", requiredMode = Schema.RequiredMode.REQUIRED)
            String email) {}

    @Schema(name = "ErasureAccepted")
    record Accepted(@Schema(example = "accepted") String status) {
        static final Accepted INSTANCE = new Accepted("accepted");
    }
}
