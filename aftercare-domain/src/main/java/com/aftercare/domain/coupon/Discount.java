package com.aftercare.domain.coupon;

import com.aftercare.domain.order.Money;
import com.aftercare.domain.shared.InvalidValue;
import java.util.Objects;

/**
 * What a code takes off an order: a percentage (1-100) or a fixed number of yen.
 *
 * @param kind percentage or yen
 * @param value the percentage, or the yen
 */
public record Discount(Kind kind, long value) {

    /** How the value is read. */
    public enum Kind {
        PERCENT,
        FIXED_YEN
    }

    public Discount {
        Objects.requireNonNull(kind, "kind");
        if (value <= 0) {
            throw new InvalidValue("discount", "must be more than zero");
        }
        if (kind == Kind.PERCENT && value > 100) {
            throw new InvalidValue("discount", "must be at most 100 percent");
        }
    }

    public static Discount percent(long percent) {
        return new Discount(Kind.PERCENT, percent);
    }

    public static Discount yen(long yen) {
        return new Discount(Kind.FIXED_YEN, yen);
    }

    /**
     * The most this discount can take off an order of {@code spendYen}: a percentage rounds
     * down to whole yen (the customer is never promised a fraction), a fixed amount never takes
     * more than the order is worth.
     */
    public long maximumOff(long spendYen) {
        if (spendYen < 0) {
            throw new InvalidValue("spend", "must not be negative");
        }
        return kind == Kind.PERCENT ? Math.multiplyExact(spendYen, value) / 100 : Math.min(value, spendYen);
    }

    /** For mails and the console: {@code 10%} or {@code ¥500}. */
    public String formatted() {
        return kind == Kind.PERCENT ? value + "%" : Money.yen(value).formatted();
    }
}
