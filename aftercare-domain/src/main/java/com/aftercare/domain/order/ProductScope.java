package com.aftercare.domain.order;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;

/**
 * What a per-product setting of the shop (return terms, usage tips) applies to: one SKU, or
 * every product of a category. A SKU's own setting comes before its category's.
 *
 * @param sku null for a category setting
 * @param category null for a SKU setting
 */
public record ProductScope(String sku, String category) {

    public static final int MAX_LENGTH = 100;

    public ProductScope {
        if ((sku == null) == (category == null)) {
            throw new InvalidValue("sku", "give a SKU or a category, one of the two");
        }
    }

    /**
     * From form input: blank is absent, values are stripped.
     *
     * @throws InvalidValue naming {@code sku} (neither or both given) or the field that is too long
     *     or not on one line
     */
    public static ProductScope of(String sku, String category) {
        return new ProductScope(part("sku", sku), part("category", category));
    }

    /** The table column that holds the key: {@code sku} or {@code category}. */
    public String column() {
        return sku != null ? "sku" : "category";
    }

    /** How the audit trail names it: {@code sku:MUG-02} or {@code category:kitchen}. */
    public String key() {
        return sku != null ? "sku:" + sku : "category:" + category;
    }

    private static String part(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_LENGTH || Text.hasControlCharacters(stripped, false)) {
            throw new InvalidValue(field, "must be 1-" + MAX_LENGTH + " characters on one line");
        }
        return stripped;
    }
}
