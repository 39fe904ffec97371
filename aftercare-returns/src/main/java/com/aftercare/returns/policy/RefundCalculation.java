package com.aftercare.returns.policy;

import java.util.List;

/**
 * What a customer gets back, in integer yen: the returned lines, less a restocking fee (a whole
 * percentage, rounded down in the customer's favour) and the return shipping when the customer
 * pays it, never below zero. A partial refund is an amount the operator decides, capped at the
 * lines' value.
 */
public final class RefundCalculation {

    private RefundCalculation() {}

    public static RefundAmounts full(List<Long> lineAmounts, int restockingPercent, long returnShippingDeducted) {
        if (restockingPercent < 0 || restockingPercent > 100) {
            throw new IllegalArgumentException("A restocking fee is 0-100 %");
        }
        if (returnShippingDeducted < 0) {
            throw new IllegalArgumentException("Return shipping cannot be negative");
        }
        long lines =
                lineAmounts.stream().mapToLong(RefundCalculation::nonNegative).reduce(0, Math::addExact);
        long fee = Math.multiplyExact(lines, restockingPercent) / 100;
        long total = Math.max(0, lines - fee - returnShippingDeducted);
        return new RefundAmounts(lines, fee, returnShippingDeducted, total);
    }

    public static RefundAmounts partial(List<Long> lineAmounts, long amount) {
        long lines =
                lineAmounts.stream().mapToLong(RefundCalculation::nonNegative).reduce(0, Math::addExact);
        if (amount < 0 || amount > lines) {
            throw new IllegalArgumentException(
                    "A partial refund is between 0 and the returned lines' value (" + lines + ")");
        }
        return new RefundAmounts(lines, 0, 0, amount);
    }

    private static long nonNegative(Long amount) {
        if (amount == null || amount < 0) {
            throw new IllegalArgumentException("Line amounts are non-negative yen");
        }
        return amount;
    }
}
