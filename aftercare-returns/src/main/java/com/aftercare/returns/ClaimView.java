package com.aftercare.returns;

import com.aftercare.domain.claim.ClaimId;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.returns.policy.GuaranteeTerms;
import com.aftercare.returns.policy.RefundAmounts;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A claim as callers see it (console, portal, API, mails): its terms, refund, quote, inspection and
 * exchange as plain values, the bank account only masked, and the steps its status allows.
 *
 * @param eligibility the eligibility as it was explained to the customer when they asked
 * @param guaranteeTerms the refund-guarantee terms the customer bought under; null for other claims
 * @param refund the refund's breakdown; null until refunded
 * @param storeCreditYen the credit issued for a return settled in store credit; null otherwise
 * @param couponCode the coupon carrying that store credit, once issued
 * @param apologyCouponCode the coupon offered for damage in transit confirmed at inspection
 * @param quoteYen a paid repair's quote; null unless quoted
 * @param bankAccountMasked the customer's bank account as the console may show it; null unless held
 * @param bankAccountErasedAt when the account was erased after the refund
 */
public record ClaimView(
        ClaimId id,
        String rma,
        RequestType type,
        ReturnReason reason,
        ClaimStatus status,
        StorefrontId storefront,
        OrderId order,
        String orderNumber,
        CustomerId customer,
        ClaimChannel channel,
        Settlement settlement,
        String customerNote,
        String rejectionReason,
        EligibilitySnapshot eligibility,
        GuaranteeTerms guaranteeTerms,
        String paymentMethod,
        RefundRoute refundRoute,
        RefundAmounts refund,
        Long storeCreditYen,
        String couponCode,
        String apologyCouponCode,
        Long quoteYen,
        boolean damageConfirmed,
        String inspectionNote,
        String exchangeTracking,
        String bankAccountMasked,
        boolean needsBankAccount,
        Instant bankAccountErasedAt,
        long linesValueYen,
        Instant requestedAt,
        Instant resolvedAt,
        Instant closedAt,
        List<Line> lines,
        List<Step> history,
        Set<ClaimAction> actions) {

    /** One line: which order line, how many at what price; for an exchange, the variant wanted. */
    public record Line(
            int orderLineNo,
            String sku,
            String name,
            String category,
            int quantity,
            long unitPriceYen,
            long amountYen,
            String exchangeSku) {}

    /** One move through the workflow: who made it, with what note. */
    public record Step(ClaimStatus from, ClaimStatus to, String actor, String note, Instant at) {}

    static ClaimView of(Claim c, String orderNumber) {
        RefundRecord refund = c.refundRecord();
        BankAccountReference account = c.bankAccount();
        List<Line> lines = c.lines().stream()
                .map(l -> new Line(
                        l.orderLineNo(),
                        l.sku(),
                        l.productName(),
                        l.category(),
                        l.quantity(),
                        l.unitPriceYen(),
                        l.amountYen(),
                        l.exchangeSku()))
                .toList();
        return new ClaimView(
                c.id(),
                c.rma(),
                c.type(),
                c.reason(),
                c.status(),
                c.storefront(),
                c.order(),
                orderNumber,
                c.customer(),
                c.channel(),
                refund.settlement(),
                c.customerNote(),
                c.rejectionReason(),
                c.terms().eligibility(),
                c.terms().guarantee(),
                refund.paymentMethod(),
                refund.route(),
                refund.amounts(),
                refund.storeCreditYen(),
                refund.couponCode(),
                c.inspection().apologyCouponCode(),
                c.repairQuote() == null ? null : c.repairQuote().yen(),
                c.inspection().damageConfirmed(),
                c.inspection().note(),
                c.exchange() == null ? null : c.exchange().tracking(),
                account == null ? null : account.masked(),
                c.needsBankAccount(),
                account == null ? null : account.erasedAt(),
                lines.stream().mapToLong(Line::amountYen).reduce(0, Math::addExact),
                c.requestedAt(),
                c.progress().resolvedAt(),
                c.progress().closedAt(),
                lines,
                c.progress().history().stream()
                        .map(h -> new Step(h.from(), h.to(), h.actor(), h.note(), h.at()))
                        .toList(),
                ClaimAction.allowedFor(
                        c.type(), c.status(), c.terms().eligibility().free()));
    }
}
