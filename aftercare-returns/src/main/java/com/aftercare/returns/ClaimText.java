package com.aftercare.returns;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;

/** The one check of the free text a claim keeps (notes, reasons, codes): stripped, bounded, no control characters. */
final class ClaimText {

    private ClaimText() {}

    static String required(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidValue(field, "must not be blank");
        }
        if (text.length() > max) {
            throw new InvalidValue(field, "must be at most " + max + " characters");
        }
        if (Text.hasControlCharacters(text, true)) {
            throw new InvalidValue(field, "must not contain control characters");
        }
        return text;
    }

    /** Blank is null; anything else is checked like {@link #required}. */
    static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : required(field, value, max);
    }
}
