package com.aftercare.inquiry;

import java.util.Arrays;
import java.util.Optional;

/** The variables a canned response may use, written {@code {{customerName}}} in its text. */
public enum CannedVariable {
    CUSTOMER_NAME("customerName"),
    ORDER_NUMBER("orderNumber"),
    TRACKING_LINK("trackingLink"),
    SHOP_NAME("shopName"),
    REFERENCE("reference");

    private final String key;

    CannedVariable(String key) {
        this.key = key;
    }

    /** How the variable is written between the braces. */
    public String key() {
        return key;
    }

    static Optional<CannedVariable> byKey(String key) {
        return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
    }
}
