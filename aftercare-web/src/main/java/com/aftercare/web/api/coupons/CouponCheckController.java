package com.aftercare.web.api.coupons;

import com.aftercare.domain.coupon.CouponVerdict;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.shared.InvalidValue;
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
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coupon check for checkouts: whether the cart may take a code of ours now. Always 200 for a
 * code, valid or not, so a cart shows the reason to its customer; an unknown code and another
 * storefront's code get the same answer, so no storefront learns of another's codes.
 */
@RestController
@ProblemResponses
@Tag(name = "Coupons", description = "Aftercare's coupon codes at a storefront's checkout")
@SecurityRequirement(name = "apiKey")
class CouponCheckController {

    /** More than any order's total: a bigger number is a mistake, not a cart. */
    private static final long MAX_TOTAL = 1_000_000_000_000L;

    private final Coupons coupons;

    CouponCheckController(Coupons coupons) {
        this.coupons = coupons;
    }

    @Operation(
            summary = "May the checkout take this code now?",
            description = """
                    Reads only: nothing is reserved. Report the use afterwards as a `coupon.redeemed` event, which is \
                    checked again. `orderTotal` is what the order comes to before the code, in yen; with it the answer \
                    judges the minimum spend and says the discount in yen. `reason` when not valid: `UNKNOWN` (not a \
                    code of this storefront: never issued, mistyped, or another storefront's), `EXPIRED`, `USED_UP` \
                    (single-use, already used), `BELOW_MINIMUM_SPEND`. A code is issued to one customer; the cart \
                    should offer it to that customer's account.""",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The verdict",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = CouponCheck.class),
                                            examples = {
                                                @ExampleObject(name = "valid", value = CouponExamples.VALID),
                                                @ExampleObject(
                                                        name = "below minimum spend",
                                                        value = CouponExamples.BELOW_MINIMUM),
                                                @ExampleObject(name = "unknown", value = CouponExamples.UNKNOWN)
                                            })))
    @ProblemResponses.BadRequest("orderTotal is not a whole number of yen from 0 up")
    @GetMapping(path = "/api/v1/coupons/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    CouponCheck check(
            @Parameter(
                            description =
                                    "The code as the customer typed it (dashes, spaces, width and case do not matter)",
                            example = "ABCD-EFGH-JKLM")
                    @PathVariable
                    String code,
            @Parameter(description = "The order's total before the code, in yen", example = "5400")
                    @RequestParam(required = false)
                    String orderTotal,
            @Parameter(hidden = true) StorefrontAuthentication caller) {
        return CouponCheck.of(coupons.check(caller.storefront(), code, total(orderTotal)));
    }

    private static Long total(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long total = Long.parseLong(value.strip());
            if (total >= 0 && total <= MAX_TOTAL) {
                return total;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new InvalidValue("orderTotal", "must be a whole number of yen from 0 to " + MAX_TOTAL);
    }

    @Schema(name = "CouponCheck")
    record CouponCheck(
            boolean valid,

            @Schema(
                    description = "Why not, when not valid",
                    allowableValues = {"UNKNOWN", "EXPIRED", "USED_UP", "BELOW_MINIMUM_SPEND"})
            String reason,

            @Schema(description = "PERCENT or FIXED_YEN") String discountKind,

            @Schema(description = "Percent off, or yen off") Long discountValue,

            @Schema(description = "What the code takes off `orderTotal`, in yen, when valid and a total was given")
            Long discountYen,

            @Schema(description = "The least the order must come to before the code, in yen")
            Long minimumSpendYen,

            Instant expiresAt,
            Boolean singleUse) {

        static CouponCheck of(CouponVerdict verdict) {
            return new CouponCheck(
                    verdict.valid(),
                    verdict.reason() == null ? null : verdict.reason().name(),
                    verdict.discount() == null
                            ? null
                            : verdict.discount().kind().name(),
                    verdict.discount() == null ? null : verdict.discount().value(),
                    verdict.discountYen(),
                    verdict.minimumSpendYen(),
                    verdict.expiresAt(),
                    verdict.singleUse());
        }
    }
}
