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
 */
@ConfigurationProperties("aftercare.returns")
public record ReturnsProperties(@DefaultValue("3") int transitAllowanceDays, String bankAccountKey) {

    public ReturnsProperties {
        if (transitAllowanceDays < 0) {
            throw new IllegalArgumentException("aftercare.returns.transit-allowance-days cannot be negative");
        }
    }
}
