package com.aftercare.domain.order;

import java.util.Arrays;
import java.util.List;

/**
 * How a customer paid, as every storefront reports it. Cash on delivery (代引き), konbini and bank
 * transfer leave no payment to refund to: returns pays those back by bank transfer.
 */
public enum PaymentMethod {
    CARD,
    ONLINE,
    COD,
    KONBINI,
    BANK_TRANSFER,
    OTHER;

    /** Every name, in declaration order, for validation messages and choices. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    public static boolean isKnown(String name) {
        return name != null && names().contains(name);
    }
}
