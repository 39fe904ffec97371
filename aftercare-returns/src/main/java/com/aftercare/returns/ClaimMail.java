package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.order.Money;
import com.aftercare.returns.policy.Payer;
import com.aftercare.returns.policy.RefundAmounts;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mail a customer gets when their claim moves, one template per status
 * ({@code claim-requested}, {@code claim-refunded}, …): the facts of the claim it shows, and the
 * variables its template gets, a pure function so wording rules and discretion are tested without
 * SMTP. One mail per claim and status (dedup key {@code claim:<rma>:<status>}): a retried
 * transition or a second click never mails twice. For an order shipped discreetly
 * (家族にもばれたくない) {@code lines} is empty, so no version of a template can name a product.
 */
final class ClaimMail {

    private ClaimMail() {}

    static String dedupKey(String rma, ClaimStatus status) {
        return "claim:" + rma + ":" + status.name();
    }

    static String template(ClaimStatus status) {
        return "claim-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What of a claim its mails show. Amounts in yen; {@code refund} null before a refund. */
    record Facts(
            String rma,
            RequestType type,
            ClaimStatus status,
            List<ClaimView.Line> lines,
            boolean needsBankAccount,
            Long quoteYen,
            String rejectionReason,
            Payer returnShipping,
            String apologyCouponCode,
            RefundRoute refundRoute,
            RefundAmounts refund,
            String couponCode,
            String exchangeTracking) {

        static Facts of(ClaimView claim) {
            return new Facts(
                    claim.rma(),
                    claim.type(),
                    claim.status(),
                    claim.lines(),
                    claim.needsBankAccount(),
                    claim.quoteYen(),
                    claim.rejectionReason(),
                    claim.eligibility().returnShipping(),
                    claim.apologyCouponCode(),
                    claim.refundRoute(),
                    claim.refund(),
                    claim.couponCode(),
                    claim.exchangeTracking());
        }
    }

    /** What the order and the shop add to the claim's facts. */
    record Context(String customerName, String orderNumber, boolean discreet, String shopName, String portalUrl) {}

    static Map<String, Object> variables(Facts claim, Context context, String language) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shopName", context.shopName());
        variables.put("customerName", context.customerName());
        variables.put("rma", claim.rma());
        variables.put("orderNumber", context.orderNumber());
        variables.put("requestType", typeLabel(claim.type(), language));
        variables.put("discreet", context.discreet());
        variables.put(
                "lines",
                context.discreet()
                        ? List.of()
                        : claim.lines().stream()
                                .map(l -> Map.<String, Object>of("name", l.name(), "quantity", l.quantity()))
                                .toList());
        variables.put("portalUrl", context.portalUrl());
        variables.put("needsBankAccount", claim.needsBankAccount());
        variables.put("quote", yen(claim.quoteYen()));
        variables.put("rejectionReason", orEmpty(claim.rejectionReason()));
        variables.put("recyclePickup", claim.type() == RequestType.RECYCLE_PICKUP);
        variables.put("returnShippingPaidByShop", claim.returnShipping() == Payer.SHOP);
        variables.put("apologyCouponCode", orEmpty(claim.apologyCouponCode()));
        RefundAmounts refund = claim.refund() == null ? new RefundAmounts(0, 0, 0, 0) : claim.refund();
        variables.put("storeCredit", claim.refundRoute() == RefundRoute.STORE_CREDIT);
        variables.put("bankTransfer", claim.refundRoute() == RefundRoute.BANK_TRANSFER);
        variables.put("refundTotal", yen(refund.total()));
        variables.put("restockingFee", refund.restockingFee() > 0 ? yen(refund.restockingFee()) : "");
        variables.put("returnShippingFee", refund.returnShipping() > 0 ? yen(refund.returnShipping()) : "");
        variables.put("couponCode", orEmpty(claim.couponCode()));
        variables.put("exchangeTracking", orEmpty(claim.exchangeTracking()));
        return variables;
    }

    /** The request's name in the mail's language. */
    static String typeLabel(RequestType type, String language) {
        boolean japanese = !"en".equals(language);
        return switch (type) {
            case RETURN -> japanese ? "返品" : "return";
            case EXCHANGE -> japanese ? "交換" : "exchange";
            case REFUND_GUARANTEE -> japanese ? "返金保証" : "refund guarantee";
            case WARRANTY_REPAIR -> japanese ? "修理" : "repair";
            case RECYCLE_PICKUP -> japanese ? "リサイクル回収" : "recycling pick-up";
        };
    }

    private static String yen(Long amount) {
        return Money.yen(amount == null ? 0 : amount).formatted();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
