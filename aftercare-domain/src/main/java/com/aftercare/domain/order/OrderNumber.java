package com.aftercare.domain.order;

import com.aftercare.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/** A storefront's own order number: unique within that storefront only. */
public record OrderNumber(String value) {

    // Marketplaces use digits, letters and dashes (楽天: 123456-20261123-0000012345).
    private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,63}$");

    public OrderNumber {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValue("order.number", "must be 1-64 letters, digits or . _ : / # -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
