package com.aftercare.domain.order;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;

/** A product line as a storefront reports it; checks itself so an order never holds nonsense. */
public record LineItem(String sku, String name, String category, int quantity, long unitPrice) {

    public LineItem {
        requireText("sku", sku, 64);
        requireText("name", name, 300);
        if (category != null
                && (category.isBlank() || category.length() > 100 || Text.hasControlCharacters(category, false))) {
            throw new InvalidValue("category", "must be 1-100 characters without control characters");
        }
        if (quantity <= 0) {
            throw new InvalidValue("quantity", "must be at least 1");
        }
        if (quantity > 100_000) {
            throw new InvalidValue("quantity", "must be at most 100000");
        }
        if (unitPrice < 0) {
            throw new InvalidValue("unitPrice", "must not be negative");
        }
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, "must not be blank");
        }
        if (value.length() > max) {
            throw new InvalidValue(field, "must be at most " + max + " characters");
        }
        if (Text.hasControlCharacters(value, false)) {
            throw new InvalidValue(field, "must not contain control characters");
        }
    }
}
