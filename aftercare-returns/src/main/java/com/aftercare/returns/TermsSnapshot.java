package com.aftercare.returns;

import com.aftercare.returns.policy.GuaranteeTerms;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import java.util.Objects;

/**
 * The terms a claim was opened under, taken when the customer asked and never changed: the
 * eligibility as explained to them and, for a refund-guarantee claim, the guarantee terms they
 * bought under (景品表示法). A change of the product's policy later does not reach an open claim.
 */
@Embeddable
record TermsSnapshot(
        @Embedded
        @AttributeOverride(
                name = "reason",
                column = @Column(name = "eligibility_reason", nullable = false, updatable = false))
        @AttributeOverride(name = "until", column = @Column(name = "eligible_until", updatable = false))
        @AttributeOverride(name = "returnShipping", column = @Column(name = "return_shipping_payer", updatable = false))
        @AttributeOverride(
                name = "free",
                column = @Column(name = "free_of_charge", nullable = false, updatable = false))
        @AttributeOverride(name = "feeYen", column = @Column(name = "fee_yen", updatable = false))
        EligibilitySnapshot eligibility,

        @Embedded
        @AttributeOverride(name = "periodDays", column = @Column(name = "terms_period_days", updatable = false))
        @AttributeOverride(
                name = "minimumUseDays",
                column = @Column(name = "terms_minimum_use_days", updatable = false))
        @AttributeOverride(name = "surveyRequired", column = @Column(name = "terms_survey_required", updatable = false))
        @AttributeOverride(name = "oncePerCustomerAndProduct", column = @Column(name = "terms_once", updatable = false))
        @AttributeOverride(name = "returnShipping", column = @Column(name = "terms_return_shipping", updatable = false))
        GuaranteeTerms guarantee) {

    /** @param guarantee null unless the claim is a refund-guarantee claim */
    TermsSnapshot {
        Objects.requireNonNull(eligibility, "eligibility");
    }
}
