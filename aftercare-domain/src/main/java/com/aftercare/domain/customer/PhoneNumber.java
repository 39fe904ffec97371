package com.aftercare.domain.customer;

import java.text.Normalizer;

/**
 * The one form of a phone number by which the same caller is found again: NFKC first (a
 * full-width ０９０ typed on a Japanese keyboard), then a leading {@code +81} becomes the trunk
 * {@code 0}, then every non-digit goes ({@code 090-1234-5678}, {@code (03) 1234 5678},
 * {@code +81 90 1234 5678} all become {@code 09012345678}). Deliberately small: there is no
 * phone library on the classpath, and the shop's numbers are Japanese; a foreign number keeps its
 * digits, which is still an exact key. Validation of the shape stays in {@link PersonalDetails}.
 * V104 writes the same expression in SQL for the rows it backfills.
 */
public final class PhoneNumber {

    private PhoneNumber() {}

    /** The normalised digits, or null for null or a value without digits. */
    public static String normalized(String phone) {
        if (phone == null) {
            return null;
        }
        String nfkc = Normalizer.normalize(phone, Normalizer.Form.NFKC).strip();
        if (nfkc.startsWith("+81")) {
            nfkc = "0" + nfkc.substring(3);
        }
        String digits = nfkc.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }
}
