package com.aftercare.domain.coupon;

import com.aftercare.domain.order.Money;
import com.aftercare.domain.shared.InvalidValue;

/** A code a storefront reported cannot have been used on that order; the field says which input. */
public final class CouponRefused extends InvalidValue {

    private CouponRefused(String field, String message) {
        super(field, message);
    }

    static CouponRefused unknown() {
        return new CouponRefused("coupon.code", "is not a code this shop issued");
    }

    static CouponRefused otherStorefront() {
        return new CouponRefused("coupon.code", "is not valid at this storefront");
    }

    static CouponRefused expired() {
        return new CouponRefused("coupon.code", "had expired when it was used");
    }

    static CouponRefused alreadyUsed() {
        return new CouponRefused("coupon.code", "is single-use and was used on another order");
    }

    static CouponRefused belowMinimumSpend(long minimumYen) {
        return new CouponRefused(
                "coupon.orderTotal",
                "is below the minimum spend of " + Money.yen(minimumYen).formatted());
    }

    static CouponRefused moreThanAllowed(long maximumYen) {
        return new CouponRefused(
                "coupon.discount",
                "is more than the code allows (" + Money.yen(maximumYen).formatted() + ")");
    }
}
