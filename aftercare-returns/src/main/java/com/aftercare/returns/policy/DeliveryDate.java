package com.aftercare.returns.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The day windows count from: the day of delivery in the shop's zone, or, when the storefront
 * never reported a delivery, the day of shipment plus a transit allowance. A parcel delivered at
 * 23:59 JST was delivered that day, one at 00:00 JST the next.
 */
public final class DeliveryDate {

    private DeliveryDate() {}

    /** Empty when the order was neither delivered nor shipped: nothing can be counted yet. */
    public static Optional<LocalDate> of(
            Instant deliveredAt, Instant shippedAt, int transitAllowanceDays, ZoneId zone) {
        if (deliveredAt != null) {
            return Optional.of(deliveredAt.atZone(zone).toLocalDate());
        }
        if (shippedAt != null) {
            return Optional.of(shippedAt.atZone(zone).toLocalDate().plusDays(transitAllowanceDays));
        }
        return Optional.empty();
    }
}
