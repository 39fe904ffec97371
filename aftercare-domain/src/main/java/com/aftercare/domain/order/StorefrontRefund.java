package com.aftercare.domain.order;

import com.aftercare.domain.shared.InvalidValue;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund as the storefront made it: its own id of the refund (a Shopify refund id), the money
 * that went back, when, and the note the shop wrote.
 */
public record StorefrontRefund(String ref, Money amount, Instant at, String note) {

    public StorefrontRefund {
        if (ref == null || ref.isBlank() || ref.length() > 100) {
            throw new InvalidValue("refund.id", "must be 1-100 characters");
        }
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
        if (amount.isNegative()) {
            throw new InvalidValue("refund.amount", "must not be negative");
        }
    }
}
