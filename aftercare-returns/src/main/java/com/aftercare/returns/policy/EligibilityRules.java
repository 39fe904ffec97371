package com.aftercare.returns.policy;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The after-sales rules as one pure function: from a product's policy, the delivery day, today
 * (both in the shop's zone) and what the customer has done, decide what is possible. No clock, no
 * database: every edge is a unit test.
 */
public final class EligibilityRules {

    private EligibilityRules() {}

    /** What the customer has done that some terms ask about. */
    public record History(boolean guaranteeUsedBefore, boolean surveyAnswered) {

        public static History none() {
            return new History(false, false);
        }
    }

    public static Eligibility evaluate(
            RequestType type,
            ReturnReason reason,
            ProductPolicy policy,
            LocalDate deliveredOn,
            LocalDate today,
            History history) {
        if (today.isBefore(deliveredOn)) {
            return Eligibility.refused("eligibility.notDeliveredYet");
        }
        switch (type) {
            case RETURN:
                return returnOrExchange(reason, policy, deliveredOn, today);
            case EXCHANGE:
                if (!policy.exchangeAllowed() && !reason.isShopsFault()) {
                    return Eligibility.refused("eligibility.exchangeNotOffered");
                }
                return returnOrExchange(reason, policy, deliveredOn, today);
            case REFUND_GUARANTEE:
                return guarantee(policy, deliveredOn, today, history);
            case WARRANTY_REPAIR:
                return repair(policy, deliveredOn, today);
            default:
                if (policy.recyclingFeeYen() == null) {
                    return Eligibility.refused("eligibility.noRecycling");
                }
                return new Eligibility(
                        true,
                        null,
                        Payer.CUSTOMER,
                        false,
                        policy.recyclingFeeYen(),
                        "eligibility.recycling",
                        java.util.List.of(policy.recyclingFeeYen()));
        }
    }

    private static Eligibility returnOrExchange(
            ReturnReason reason, ProductPolicy policy, LocalDate deliveredOn, LocalDate today) {
        if (reason.isShopsFault()) {
            // Damaged, defective or wrong: the shop's fault, whatever the window or final sale says.
            return Eligibility.allowed(null, Payer.SHOP, "eligibility.shopsFault");
        }
        if (policy.finalSale()) {
            return Eligibility.refused("eligibility.finalSale");
        }
        LocalDate until = lastDay(deliveredOn, policy.effectiveReturnWindowDays());
        if (today.isAfter(until)) {
            return Eligibility.refused("eligibility.windowPassed", until);
        }
        return Eligibility.allowed(
                until,
                policy.customerReturnShipping(),
                policy.statesNoReturnPolicy() ? "eligibility.statutoryWindow" : "eligibility.withinWindow",
                until);
    }

    private static Eligibility guarantee(
            ProductPolicy policy, LocalDate deliveredOn, LocalDate today, History history) {
        GuaranteeTerms terms = policy.guarantee();
        if (terms == null) {
            return Eligibility.refused("eligibility.noGuarantee");
        }
        LocalDate until = lastDay(deliveredOn, terms.periodDays());
        if (today.isAfter(until)) {
            return Eligibility.refused("eligibility.guaranteeExpired", until);
        }
        long usedDays = ChronoUnit.DAYS.between(deliveredOn, today) + 1;
        if (usedDays < terms.minimumUseDays()) {
            return Eligibility.refused(
                    "eligibility.guaranteeTooEarly", deliveredOn.plusDays(terms.minimumUseDays() - 1L), until);
        }
        if (terms.surveyRequired() && !history.surveyAnswered()) {
            return Eligibility.refused("eligibility.guaranteeNeedsSurvey");
        }
        if (terms.oncePerCustomerAndProduct() && history.guaranteeUsedBefore()) {
            return Eligibility.refused("eligibility.guaranteeUsed");
        }
        return Eligibility.allowed(until, terms.returnShipping(), "eligibility.guarantee", until);
    }

    private static Eligibility repair(ProductPolicy policy, LocalDate deliveredOn, LocalDate today) {
        if (policy.warrantyMonths() > 0) {
            LocalDate until = deliveredOn.plusMonths(policy.warrantyMonths()).minusDays(1);
            if (!today.isAfter(until)) {
                return new Eligibility(
                        true, until, Payer.SHOP, true, null, "eligibility.warrantyFree", java.util.List.of(until));
            }
        }
        // Outside (or without) a warranty, repair is still offered: paid, after a quote the customer accepts.
        return new Eligibility(
                true, null, Payer.CUSTOMER, false, null, "eligibility.repairQuoted", java.util.List.of());
    }

    /** The last day of a window of {@code days} days, the delivery day being day 1 (起算日). */
    static LocalDate lastDay(LocalDate deliveredOn, int days) {
        return deliveredOn.plusDays(Math.max(days, 1) - 1L);
    }
}
