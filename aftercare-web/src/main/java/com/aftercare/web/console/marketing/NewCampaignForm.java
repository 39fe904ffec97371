package com.aftercare.web.console.marketing;

import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.coupon.NewCampaign;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new coupon campaign as the console form sends it. The domain's {@link NewCampaign} checks
 * the rules; {@link #inFormTerms} tells which input a complaint of the domain is about.
 *
 * @param expiresOn the last shop day the codes work (they stop at the following midnight)
 * @param reusable checked: a code may be used on several orders
 */
record NewCampaignForm(
        @NotBlank String name,
        @NotNull CouponPurpose purpose,
        @NotNull Discount.Kind discountKind,
        @NotNull Long discountValue,
        Long minimumSpendYen,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
        Integer validDays,
        Boolean reusable,
        Long storefrontId) {

    static NewCampaignForm empty() {
        return new NewCampaignForm(
                "", CouponPurpose.PROMOTION, Discount.Kind.PERCENT, null, 0L, null, null, false, null);
    }

    NewCampaign toCommand(ZoneId shopZone) {
        return new NewCampaign(
                name,
                purpose,
                new Discount(discountKind, discountValue),
                minimumSpendYen == null ? 0 : minimumSpendYen,
                expiresOn == null
                        ? null
                        : expiresOn.plusDays(1).atStartOfDay(shopZone).toInstant(),
                validDays,
                !Boolean.TRUE.equals(reusable),
                storefrontId == null ? null : new StorefrontId(storefrontId));
    }

    /** The same complaint of the domain, naming the input of this form it is about. */
    static InvalidValue inFormTerms(InvalidValue refusal) {
        return new InvalidValue(fieldOf(refusal.field()), refusal.getMessage());
    }

    private static String fieldOf(String domainField) {
        switch (domainField) {
            case "discount":
                return "discountValue";
            case "expiresAt":
                return "expiresOn";
            case "storefront":
                return "storefrontId";
            default:
                return domainField;
        }
    }
}
