package com.aftercare.domain.coupon;

/** Why codes of a campaign are handed out; the figures keep them apart. */
public enum CouponPurpose {
    /** Marketing: repeat-purchase coupons, newsletter offers. */
    PROMOTION,
    /** Yen the shop owes the customer (a refund taken as credit), issued per claim. */
    STORE_CREDIT,
    /** A goodwill gesture after something went wrong. */
    APOLOGY
}
