package com.aftercare.domain.coupon;

import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.Objects;

/**
 * A storefront's report that a code was used on one of its orders.
 *
 * @param orderTotalYen what the order came to, when the storefront says so (the figures use the
 *     order's own total otherwise)
 * @param eventId the storefront's event id, kept for tracing
 */
public record CouponRedemption(
        StorefrontId storefront,
        CouponCode code,
        OrderNumber order,
        long discountYen,
        Long orderTotalYen,
        Instant redeemedAt,
        String eventId) {

    public CouponRedemption {
        Objects.requireNonNull(storefront, "storefront");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
        if (discountYen <= 0) {
            throw new InvalidValue("coupon.discount", "must be more than zero yen");
        }
        if (orderTotalYen != null && orderTotalYen < 0) {
            throw new InvalidValue("coupon.orderTotal", "must not be negative");
        }
    }

    /** Whether {@link Coupons#redeem} recorded a new use or recognised one it had already. */
    public enum Outcome {
        RECORDED,
        ALREADY_RECORDED
    }
}
