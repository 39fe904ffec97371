package com.aftercare.domain.coupon;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;

/** A code as a reported use finds it, with the rules a use must keep. */
record RedeemableCoupon(
        long id,
        CampaignId campaign,
        CustomerId customer,
        Discount discount,
        long minimumSpendYen,
        Instant expiresAt,
        boolean singleUse,
        StorefrontId storefront,
        int redemptions) {

    /** @throws CouponRefused naming the input that breaks a rule */
    void check(CouponRedemption use) {
        if (storefront != null && !storefront.equals(use.storefront())) {
            throw CouponRefused.otherStorefront();
        }
        if (!use.redeemedAt().isBefore(expiresAt)) {
            throw CouponRefused.expired();
        }
        if (singleUse && redemptions > 0) {
            throw CouponRefused.alreadyUsed();
        }
        if (discount.kind() == Discount.Kind.FIXED_YEN && use.discountYen() > discount.value()) {
            throw CouponRefused.moreThanAllowed(discount.value());
        }
        if (use.orderTotalYen() != null) {
            // The total is after the discount; the terms speak of what was spent before it.
            long spend = Math.addExact(use.orderTotalYen(), use.discountYen());
            if (spend < minimumSpendYen) {
                throw CouponRefused.belowMinimumSpend(minimumSpendYen);
            }
            if (use.discountYen() > discount.maximumOff(spend)) {
                throw CouponRefused.moreThanAllowed(discount.maximumOff(spend));
            }
        }
    }

    /**
     * What a checkout at {@code at} may do with the code now, for an order of {@code spendYen}
     * before the discount (null: the total is not known yet, so the minimum spend is not judged).
     * The same rules as {@link #check}, answered instead of thrown.
     */
    CouponVerdict verdict(StorefrontId at, Instant now, Long spendYen) {
        if (storefront != null && !storefront.equals(at)) {
            return CouponVerdict.unknown();
        }
        CouponVerdict.Reason reason = null;
        if (!now.isBefore(expiresAt)) {
            reason = CouponVerdict.Reason.EXPIRED;
        } else if (singleUse && redemptions > 0) {
            reason = CouponVerdict.Reason.USED_UP;
        } else if (spendYen != null && spendYen < minimumSpendYen) {
            reason = CouponVerdict.Reason.BELOW_MINIMUM_SPEND;
        }
        Long off = reason == null && spendYen != null ? discount.maximumOff(spendYen) : null;
        return new CouponVerdict(reason == null, reason, discount, off, minimumSpendYen, expiresAt, singleUse);
    }
}
