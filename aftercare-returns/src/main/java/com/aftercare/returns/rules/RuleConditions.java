package com.aftercare.returns.rules;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import java.util.Set;

/**
 * When a rule applies. Every condition must hold; an empty set or open bounds hold for anything.
 * Within a set, any value will do ("RETURN or EXCHANGE"). The product conditions hold when every
 * claimed line is of a listed category (or SKU), so a rule for one category never decides a claim
 * that also holds something else.
 *
 * @param amountYen the claimed lines' value
 * @param daysSinceDelivery from the delivery day to the request day; a claim without a known
 *     delivery fails any bound here
 * @param claimsLast12Months the customer's earlier claims in the 12 months before
 * @param paymentMethods the order's payment method, e.g. CARD, COD
 */
public record RuleConditions(
        Set<RequestType> types,
        Set<ReturnReason> reasons,
        Set<String> categories,
        Set<String> skus,
        Bounds amountYen,
        Bounds daysSinceDelivery,
        Bounds claimsLast12Months,
        GuaranteeUse guaranteeUse,
        Set<String> paymentMethods,
        SignalCondition signal) {

    public RuleConditions {
        types = Set.copyOf(types);
        reasons = Set.copyOf(reasons);
        categories = Set.copyOf(categories);
        skus = Set.copyOf(skus);
        paymentMethods = Set.copyOf(paymentMethods);
        amountYen = amountYen == null ? Bounds.ANY : amountYen;
        daysSinceDelivery = daysSinceDelivery == null ? Bounds.ANY : daysSinceDelivery;
        claimsLast12Months = claimsLast12Months == null ? Bounds.ANY : claimsLast12Months;
        guaranteeUse = guaranteeUse == null ? GuaranteeUse.ANY : guaranteeUse;
        signal = signal == null ? SignalCondition.ANY : signal;
    }

    /** Whether nothing at all is asked: such a rule would decide every claim. */
    public boolean isEmpty() {
        return types.isEmpty()
                && reasons.isEmpty()
                && categories.isEmpty()
                && skus.isEmpty()
                && amountYen.isAny()
                && daysSinceDelivery.isAny()
                && claimsLast12Months.isAny()
                && guaranteeUse == GuaranteeUse.ANY
                && paymentMethods.isEmpty()
                && signal.equals(SignalCondition.ANY);
    }

    public boolean holdFor(ClaimFacts claim) {
        return (types.isEmpty() || types.contains(claim.type()))
                && (reasons.isEmpty() || reasons.contains(claim.reason()))
                && (categories.isEmpty()
                        || claim.lines().stream()
                                .allMatch(l -> l.category() != null && categories.contains(l.category())))
                && (skus.isEmpty() || claim.lines().stream().allMatch(l -> skus.contains(l.sku())))
                && amountYen.holds(claim.amountYen())
                && daysSinceDelivery.holds(claim.daysSinceDelivery())
                && claimsLast12Months.holds(claim.claimsLast12Months())
                && guaranteeUse.holds(claim.guaranteeUsedBefore())
                && (paymentMethods.isEmpty()
                        || (claim.paymentMethod() != null && paymentMethods.contains(claim.paymentMethod())))
                && signal.holds(claim.signals());
    }
}
