package com.aftercare.returns.rules;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.returns.FraudSignal;
import java.util.List;
import java.util.Set;

/**
 * A claim as the rules see it when it is opened (or, in a dry run, as it was then).
 *
 * @param daysSinceDelivery days from the delivery day to the request day, in the shop's zone; null
 *     when the order was neither delivered nor shipped
 * @param claimsLast12Months the customer's earlier claims (any storefront) in the 12 months before
 * @param guaranteeUsedBefore the customer had a refund-guarantee claim before that was not refused
 * @param paymentMethod the order's; may be null
 */
public record ClaimFacts(
        RequestType type,
        ReturnReason reason,
        List<Line> lines,
        Long daysSinceDelivery,
        long claimsLast12Months,
        boolean guaranteeUsedBefore,
        String paymentMethod,
        Set<FraudSignal> signals) {

    /** One claimed line: its product and the value claimed (quantity × unit price). */
    public record Line(String sku, String category, long amountYen) {}

    public ClaimFacts {
        lines = List.copyOf(lines);
        signals = Set.copyOf(signals);
    }

    /** The claimed lines' value in yen. */
    public long amountYen() {
        return lines.stream().mapToLong(Line::amountYen).sum();
    }
}
