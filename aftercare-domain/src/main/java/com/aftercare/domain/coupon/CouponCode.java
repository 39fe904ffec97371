package com.aftercare.domain.coupon;

import com.aftercare.domain.shared.InvalidValue;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A coupon code: twelve characters from an alphabet without the look-alikes 0/O and 1/I, so a
 * customer typing it from a printed card cannot get it wrong that way. Twelve characters of 32
 * are 60 random bits: unguessable, and collisions are left to the database's unique key.
 *
 * <p>Shown in groups of four ({@code ABCD-EFGH-JKLM}); read back with or without the dashes,
 * in any case and in full-width characters (a Japanese keyboard's IME produces those).
 */
public record CouponCode(String value) {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 12;
    private static final Pattern SHAPE = Pattern.compile("^[A-HJ-NP-Z2-9]{12}$");

    public CouponCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValue("coupon.code", "is not a coupon code");
        }
    }

    /** What a customer or storefront typed, normalised: width, case, dashes and spaces. */
    public static CouponCode parse(String typed) {
        if (typed == null || typed.length() > 40) {
            throw new InvalidValue("coupon.code", "is not a coupon code");
        }
        String normalized = Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .replaceAll("[\\s\\-]", "");
        return new CouponCode(normalized);
    }

    static CouponCode random(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new CouponCode(code.toString());
    }

    /** {@code ABCD-EFGH-JKLM}, the way it is printed and mailed. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    @Override
    public String toString() {
        return display();
    }
}
