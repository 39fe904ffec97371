package com.aftercare.domain.catalogue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One variant a storefront sells, as its latest order described it.
 *
 * @param product the storefront's code of the product; null when its orders never said, and then
 *     the variant has no siblings
 * @param attributes what sets it apart ({@code サイズ → M}), in the storefront's order
 * @param unitPriceYen the price of the latest order that named it
 */
public record Variant(String sku, String product, String name, Map<String, String> attributes, long unitPriceYen) {

    public Variant {
        Objects.requireNonNull(sku, "sku");
        // kept in the storefront's order (Map.copyOf would not)
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Whether {@code other} is a variant of the same product (a variant is one of its own product). */
    public boolean sameProductAs(Variant other) {
        return sku.equals(other.sku) || (product != null && product.equals(other.product));
    }
}
