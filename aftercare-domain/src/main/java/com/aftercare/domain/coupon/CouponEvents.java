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

    /**
     * A new code was issued to a customer (a repeat for the same source is not a new code and
     * publishes nothing). Carries what a storefront's checkout needs to honour the code.
     *
     * @param email the customer's address, for a checkout that matches codes to buyers
     * @param storefront the one storefront it works at, or null for all
     * @param discountKind {@code YEN} or {@code PERCENT}, with {@code discountValue}
     */
    public record CouponIssued(
            CouponCode code,
            CampaignId campaign,
            CouponPurpose purpose,
            CustomerId customer,
            String email,
            StorefrontId storefront,
            String discountKind,
            long discountValue,
            long minimumSpendYen,
            Instant expiresAt,
            boolean singleUse,
            String source,
            Instant issuedAt) {}
}
