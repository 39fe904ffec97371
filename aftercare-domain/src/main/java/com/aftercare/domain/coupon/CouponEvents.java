package com.aftercare.domain.coupon;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;

/** Domain events of coupons, published in the transaction that recorded them. */
public final class CouponEvents {

    private CouponEvents() {}

    public record CouponRedeemed(
            CouponCode code,
            CampaignId campaign,
            CustomerId customer,
            StorefrontId storefront,
            String orderNumber,
            long discountYen,
            Instant redeemedAt) {}
}
