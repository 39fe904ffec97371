package com.aftercare.domain.coupon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A campaign with how it did: codes issued, codes used at least once, uses, yen given away and
 * the revenue of the orders that used its codes.
 *
 * @param discount null for a standing store-credit campaign (each code carries its own credit)
 * @param storefrontName the one storefront its codes work at, or null for all
 */
public record CampaignFigures(
        CampaignId id,
        String name,
        CouponPurpose purpose,
        Discount discount,
        long minimumSpendYen,
        Instant expiresAt,
        Integer validDays,
        boolean singleUse,
        String storefrontName,
        long issued,
        long redeemedCodes,
        long redemptions,
        long discountYen,
        long revenueYen) {

    /** Share of issued codes used at least once, in percent with one decimal; zero when none issued. */
    public BigDecimal redemptionRatePercent() {
        if (issued == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(redeemedCodes * 100).divide(BigDecimal.valueOf(issued), 1, RoundingMode.HALF_UP);
    }
}
