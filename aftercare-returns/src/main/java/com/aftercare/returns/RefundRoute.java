package com.aftercare.returns;

import java.util.Locale;
import java.util.Set;

/**
 * How money goes back. Card and online payments are refunded to the payment itself; cash on
 * delivery (代引き), konbini and bank transfer left no payment to refund to, so the shop transfers
 * to the customer's bank account, which the customer gives for that claim.
 */
public enum RefundRoute {
    TO_PAYMENT,
    BANK_TRANSFER,
    STORE_CREDIT;

    private static final Set<String> PAID_WITHOUT_ACCOUNT = Set.of("COD", "KONBINI", "BANK_TRANSFER");

    public static RefundRoute of(String paymentMethod, Settlement settlement) {
        if (settlement == Settlement.STORE_CREDIT) {
            return STORE_CREDIT;
        }
        String method = paymentMethod == null ? "" : paymentMethod.strip().toUpperCase(Locale.ROOT);
        return PAID_WITHOUT_ACCOUNT.contains(method) ? BANK_TRANSFER : TO_PAYMENT;
    }
}
