package com.aftercare.domain.order;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A product line as a storefront reports it; checks itself so an order never holds nonsense.
 *
 * @param product the storefront's code of the product this SKU is a variant of (the SKUs of one
 *     T-shirt in every size share it), or null when the storefront does not say
 * @param variant what sets this variant apart ({@code サイズ → M}, {@code カラー → ネイビー}), in
 *     the storefront's order; empty when the storefront does not say
 */
public record LineItem(
        String sku,
        String name,
        String category,
        int quantity,
        long unitPrice,
        String product,
        Map<String, String> variant) {

    /** At most this many attributes per variant: size, colour, and a few more. */
    public static final int MAX_VARIANT_ATTRIBUTES = 5;

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
        product = Text.line("product", product, 64);
        variant = checkedVariant(variant);
    }

    /** A line whose storefront says nothing about products and variants. */
    public LineItem(String sku, String name, String category, int quantity, long unitPrice) {
        this(sku, name, category, quantity, unitPrice, null, Map.of());
    }

    private static Map<String, String> checkedVariant(Map<String, String> variant) {
        if (variant == null || variant.isEmpty()) {
            return Map.of();
        }
        if (variant.size() > MAX_VARIANT_ATTRIBUTES) {
            throw new InvalidValue("variant", "must have at most " + MAX_VARIANT_ATTRIBUTES + " attributes");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        variant.forEach((name, value) -> {
            String key = Text.line("variant", name, 50);
            if (key == null) {
                throw new InvalidValue("variant", "attribute names must not be blank");
            }
            String text = Text.line("variant." + key, value, 100);
            if (text == null) {
                throw new InvalidValue("variant." + key, "must not be blank");
            }
            checked.put(key, text);
        });
        return Collections.unmodifiableMap(checked);
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
