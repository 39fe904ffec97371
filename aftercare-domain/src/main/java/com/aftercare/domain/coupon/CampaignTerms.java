package com.aftercare.domain.coupon;

import com.aftercare.domain.storefront.StorefrontId;
import java.time.Duration;
import java.time.Instant;

/**
 * A campaign's terms, copied onto each code at issue.
 *
 * @param expiresAt when the campaign ends, or null
 * @param validDays how long each code lasts from its issue, or null
 * @param storefront the one storefront its codes work at, or null for all
 */
record CampaignTerms(
        Discount discount,
        long minimumSpendYen,
        Instant expiresAt,
        Integer validDays,
        boolean singleUse,
        StorefrontId storefront) {

    /** Store credit: that many yen off, once, until {@code expiresAt}. */
    static CampaignTerms storeCredit(long amountYen, StorefrontId storefront, Instant expiresAt) {
        return new CampaignTerms(
                new Discount(Discount.Kind.FIXED_YEN, amountYen), 0, expiresAt, null, true, storefront);
    }

    boolean endedAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** When a code issued {@code now} stops working: the campaign's end, or its valid days, whichever comes first. */
    Instant codeExpiry(Instant now) {
        if (validDays == null) {
            return expiresAt;
        }
        Instant afterValidDays = now.plus(Duration.ofDays(validDays));
        return expiresAt == null || afterValidDays.isBefore(expiresAt) ? afterValidDays : expiresAt;
    }
}
