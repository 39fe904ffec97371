package com.aftercare.domain.coupon;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;

/**
 * A code issued to one customer, with what it is worth as it was promised.
 *
 * @param storefront the one storefront it works at, or null for all
 */
public record IssuedCoupon(
        CouponCode code,
        CampaignId campaign,
        CouponPurpose purpose,
        CustomerId customer,
        String source,
        Discount discount,
        long minimumSpendYen,
        Instant expiresAt,
        boolean singleUse,
        StorefrontId storefront,
        Instant issuedAt) {}
