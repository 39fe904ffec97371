package com.aftercare.domain.order;

/**
 * Where and how an order ships.
 *
 * @param discreet the customer asked that nobody around them can tell what they bought
 *     (家族にもばれたくない): no product name in any mail subject, body or packing insert
 */
public record Shipping(
        String recipientName, String postalCode, String prefecture, String address, String phone, boolean discreet) {

    public static Shipping none() {
        return new Shipping(null, null, null, null, null, false);
    }
}
