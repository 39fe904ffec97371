package com.aftercare.domain.order;

import com.aftercare.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/** A storefront's own order number: unique within that storefront only. */
public record OrderNumber(String value) {

    // Marketplaces use digits, letters and dashes (楽天: 123456-20261123-0000012345); Shopify's
    // order name, what its customers see, starts with a # (#1001).
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9#][A-Za-z0-9._:/#-]{0,63}$");

    public OrderNumber {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValue("order.number", "must be 1-64 letters, digits or # . _ : / -");
        }
    }

    /**
     * The same number as a customer may type it, with or without Shopify's leading {@code #}: the
     * other spelling, or empty when there is none ({@code #} alone, or a number too long for one).
     */
    public static java.util.Optional<String> otherSpelling(String typed) {
        if (typed == null || typed.isBlank()) {
            return java.util.Optional.empty();
        }
        String number = typed.strip();
        String other = number.startsWith("#") ? number.substring(1) : "#" + number;
        return SHAPE.matcher(other).matches() ? java.util.Optional.of(other) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
