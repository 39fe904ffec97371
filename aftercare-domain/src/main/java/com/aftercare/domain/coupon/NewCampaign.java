package com.aftercare.domain.coupon;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.Objects;

/**
 * What creating a campaign needs. Its codes expire at {@code expiresAt}, or {@code validDays}
 * after each was issued, whichever comes first; at least one must be given.
 *
 * @param storefront the one storefront its codes work at, or null for all
 */
public record NewCampaign(
        String name,
        CouponPurpose purpose,
        Discount discount,
        long minimumSpendYen,
        Instant expiresAt,
        Integer validDays,
        boolean singleUse,
        StorefrontId storefront) {

    static final int MAX_VALID_DAYS = 3650;

    public NewCampaign {
        if (name == null || name.isBlank() || name.length() > 200 || Text.hasControlCharacters(name, false)) {
            throw new InvalidValue("name", "must be 1-200 characters on one line");
        }
        name = name.strip();
        Objects.requireNonNull(purpose, "purpose");
        if (discount == null) {
            throw new InvalidValue("discount", "must be given");
        }
        if (minimumSpendYen < 0) {
            throw new InvalidValue("minimumSpendYen", "must not be negative");
        }
        if (validDays != null && (validDays < 1 || validDays > MAX_VALID_DAYS)) {
            throw new InvalidValue("validDays", "must be 1-" + MAX_VALID_DAYS + " days");
        }
        if (expiresAt == null && validDays == null) {
            throw new InvalidValue("expiresAt", "must be given, or a number of valid days");
        }
    }
}
