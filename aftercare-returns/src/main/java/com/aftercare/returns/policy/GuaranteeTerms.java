package com.aftercare.returns.policy;

import com.aftercare.domain.shared.InvalidValue;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.springframework.modulith.NamedInterface;

/**
 * The terms of a refund guarantee (返金保証): what a product is sold under, and, copied onto each
 * claim when it is opened, what the customer bought under, so that what was advertised is what is
 * enforced (景品表示法), whatever the product's terms say later. The claim maps it onto its own
 * columns; a refusal names the policy form's field.
 *
 * @param periodDays days from delivery (delivery day = day 1) within which it can be claimed
 * @param minimumUseDays the product must have been used this many days first (0 for none)
 * @param surveyRequired the customer answers a short survey first
 * @param oncePerCustomerAndProduct at most one guarantee refund per customer and product
 * @param returnShipping who pays to send the product back
 */
@Embeddable
@NamedInterface("policy")
public record GuaranteeTerms(
        int periodDays,
        int minimumUseDays,
        boolean surveyRequired,
        boolean oncePerCustomerAndProduct,
        @Enumerated(EnumType.STRING) Payer returnShipping) {

    public GuaranteeTerms {
        if (periodDays <= 0) {
            throw new InvalidValue("guaranteePeriodDays", "must be at least one day");
        }
        if (minimumUseDays < 0 || minimumUseDays > periodDays) {
            throw new InvalidValue("guaranteeMinimumUseDays", "must be 0-" + periodDays + " days");
        }
        if (returnShipping == null) {
            throw new InvalidValue("guaranteeReturnShipping", "must be SHOP or CUSTOMER");
        }
    }
}
