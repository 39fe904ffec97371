package com.aftercare.stepmail.templates;

import com.aftercare.domain.coupon.IssuedCoupon;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.shop.ShopProperties;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@code coupon} variable of a mail that carries a code: {@code coupon.code}
 * ({@code ABCD-EFGH-JKLM}), {@code coupon.discount} ({@code 10%} or {@code ¥500}),
 * {@code coupon.minimumSpend} ({@code ¥3,000}, empty without one) and {@code coupon.expiresAt}
 * (shop time, {@code 2026年12月20日 10:00}).
 */
@Component
public class CouponMailVariables {

    private static final DateTimeFormatter JAPANESE_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm", Locale.JAPAN);

    /** The {@code coupon} variable's shape, for checking templates that name it. */
    public static final Map<String, Object> SAMPLE = Map.of(
            "coupon",
            Map.of(
                    "code", "ABCD-EFGH-JKLM",
                    "discount", "10%",
                    "minimumSpend", "¥3,000",
                    "expiresAt", "2026年12月20日 10:00"));

    private final ShopProperties shop;

    CouponMailVariables(ShopProperties shop) {
        this.shop = shop;
    }

    public Map<String, Object> of(IssuedCoupon coupon) {
        return Map.of(
                "code", coupon.code().display(),
                "discount", coupon.discount().formatted(),
                "minimumSpend",
                        coupon.minimumSpendYen() == 0
                                ? ""
                                : Money.yen(coupon.minimumSpendYen()).formatted(),
                "expiresAt", JAPANESE_DATE_TIME.format(coupon.expiresAt().atZone(shop.zone())));
    }
}
