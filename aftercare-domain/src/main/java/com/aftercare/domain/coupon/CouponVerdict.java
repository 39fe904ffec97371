package com.aftercare.domain.coupon;

import java.time.Instant;

/**
 * Whether a checkout may take a code now, and what it is worth there: the answer to a cart that
 * asks before the customer pays, so it can honour the code before reporting {@code coupon.redeemed}.
 * A code this storefront cannot use (unknown, or another storefront's) is {@link Reason#UNKNOWN}
 * with nothing else told: a storefront never learns of another's codes.
 *
 * @param discountYen what the code takes off the order total asked about, when it is valid and a
 *     total was given
 */
public record CouponVerdict(
        boolean valid,
        Reason reason,
        Discount discount,
        Long discountYen,
        Long minimumSpendYen,
        Instant expiresAt,
        Boolean singleUse) {

    /** Why a checkout may not take the code. */
    public enum Reason {
        UNKNOWN,
        EXPIRED,
        USED_UP,
        BELOW_MINIMUM_SPEND
    }

    static CouponVerdict unknown() {
        return new CouponVerdict(false, Reason.UNKNOWN, null, null, null, null, null);
    }
}
