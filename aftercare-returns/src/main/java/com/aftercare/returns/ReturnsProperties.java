package com.aftercare.returns;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the returns desk.
 *
 * @param transitAllowanceDays days from shipment counted as the delivery day when a storefront never
 *     reported the delivery ({@code aftercare.returns.transit-allowance-days}, default 3)
 * @param bankAccountKey the AES-256 key (32 bytes, Base64) that encrypts customers' bank accounts
 *     at rest ({@code AFTERCARE_RETURNS_BANK_ACCOUNT_KEY}); required, the same on every instance
 * @param apologyCouponYen yen off of the apology coupon offered when damage in transit is
 *     confirmed ({@code aftercare.returns.apology-coupon-yen}, default 500; 0 offers none)
 * @param apologyCouponValidDays how long that coupon stays usable (default 90 days)
 */
@ConfigurationProperties("aftercare.returns")
public record ReturnsProperties(
        @DefaultValue("3") int transitAllowanceDays,
        String bankAccountKey,
        @DefaultValue("500") long apologyCouponYen,
        @DefaultValue("90") int apologyCouponValidDays) {

    public ReturnsProperties {
        if (transitAllowanceDays < 0) {
            throw new IllegalArgumentException("aftercare.returns.transit-allowance-days cannot be negative");
        }
        if (apologyCouponYen < 0 || apologyCouponValidDays < 1) {
            throw new IllegalArgumentException(
                    "aftercare.returns.apology-coupon-yen must be >= 0 and apology-coupon-valid-days >= 1");
        }
    }
}
