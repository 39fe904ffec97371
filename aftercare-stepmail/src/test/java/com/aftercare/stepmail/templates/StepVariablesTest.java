package com.aftercare.stepmail.templates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a step's template may name, by trigger and kind. */
class StepVariablesTest {

    @Test
    void shouldOfferTheClaimRmaAndTheInquiryReferenceOnlyToTheirOwnTriggers() {
        assertThat(StepVariables.forTrigger("claim.resolved", false).names())
                .contains("claimRma", "orderNumber")
                .doesNotContain("inquiryReference");
        assertThat(StepVariables.forTrigger("inquiry.resolved", true).names())
                .contains("inquiryReference", "orderNumber")
                .doesNotContain("claimRma");
        assertThat(StepVariables.forTrigger("order.delivered", false).names())
                .doesNotContain("claimRma", "inquiryReference");
    }

    @Test
    void shouldOfferTheOptOutAndTheCouponOnlyToPromotionalSteps() {
        assertThat(StepVariables.forTrigger("order.delivered", true).names())
                .contains("unsubscribeUrl", "shopAddress", "coupon");
        assertThat(StepVariables.forTrigger("order.delivered", false).names())
                .doesNotContain("unsubscribeUrl", "shopAddress", "coupon");
    }

    @Test
    void shouldOfferNoOrderToARegistration() {
        assertThat(StepVariables.forTrigger("customer.registered", false).names())
                .contains("customerName", "shopName")
                .doesNotContain("orderNumber");
        assertThat(StepVariables.hasOrder("customer.registered")).isFalse();
        assertThat(StepVariables.hasOrder("inquiry.resolved")).isTrue();
    }
}
