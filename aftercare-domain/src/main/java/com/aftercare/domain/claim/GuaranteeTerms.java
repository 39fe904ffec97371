package com.aftercare.domain.claim;

import java.util.Objects;

/**
 * The refund-guarantee terms as the customer bought under them, kept with the claim so that what
 * was advertised is what is enforced (景品表示法), whatever the product's terms say later.
 */
public record GuaranteeTerms(
        int periodDays,
        int minimumUseDays,
        boolean surveyRequired,
        boolean oncePerCustomerAndProduct,
        Payer returnShipping) {

    public GuaranteeTerms {
        Objects.requireNonNull(returnShipping, "returnShipping");
    }
}
