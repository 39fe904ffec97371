package com.aftercare.web.api.customers;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.web.api.ProblemResponses;
import com.aftercare.web.security.StorefrontAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ProblemResponses
@Tag(name = "Customers")
@SecurityRequirement(name = "apiKey")
class CustomersController {

    private final Customers customers;

    CustomersController(Customers customers) {
        this.customers = customers;
    }

    @Operation(
            summary = "A customer of the calling storefront, by email",
            description =
                    "Found only when the customer has an order or an account at the calling storefront; otherwise 404.",
            responses = @ApiResponse(responseCode = "200", description = "The customer"))
    @ProblemResponses.BadRequest("Missing or malformed email")
    @ProblemResponses.NotFound("No such customer for this storefront")
    @GetMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
    CustomerResponse byEmail(@RequestParam String email, @Parameter(hidden = true) StorefrontAuthentication caller) {
        return customers
                .findVisibleTo(caller.storefront(), EmailAddress.of(email))
                .map(CustomerResponse::of)
                .orElseThrow(NotFound::customer);
    }

    @Schema(name = "Customer")
    record CustomerResponse(long id, String email, String name, String nameKana, String phone) {

        static CustomerResponse of(CustomerView c) {
            return new CustomerResponse(c.id().value(), c.emailText(), c.name(), c.nameKana(), c.phone());
        }
    }
}
