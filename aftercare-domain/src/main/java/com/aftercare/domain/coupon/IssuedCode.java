package com.aftercare.domain.coupon;

import com.aftercare.domain.customer.CustomerId;
import java.time.Instant;

/**
 * One code of a campaign with whom it went to and how it was used, for the campaign's CSV.
 *
 * @param email masked unless the export revealed it; null for a customer without one
 * @param discountYen yen given away over all its uses
 * @param lastUsedAt null while never used
 * @param lastOrderNumber the order of the latest use, null while never used
 */
public record IssuedCode(
        CouponCode code,
        CustomerId customer,
        String customerName,
        String email,
        String source,
        Instant issuedAt,
        Instant expiresAt,
        int redemptions,
        long discountYen,
        Instant lastUsedAt,
        String lastOrderNumber) {}
