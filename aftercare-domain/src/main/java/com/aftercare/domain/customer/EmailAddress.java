package com.aftercare.domain.customer;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as given, and its normalised form (NFKC, so a full-width ＠ typed on a
 * Japanese keyboard matches, trimmed and lower-cased) by which one customer is recognised
 * across storefronts.
 */
public record EmailAddress(String value) {

    // Deliberately simple: full RFC 5322 parsing accepts addresses no shop can deliver to.
    private static final Pattern SHAPE = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("email", "must not be blank");
        }
        value = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        if (Text.hasControlCharacters(value, false)
                || value.length() > 254
                || !SHAPE.matcher(value).matches()) {
            throw new InvalidValue("email", "is not a valid email address");
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** For lists and logs: {@code ya***@example.jp}. */
    public String masked() {
        int at = value.indexOf('@');
        String local = value.substring(0, at);
        String visible = local.length() <= 2 ? local.substring(0, 1) : local.substring(0, 2);
        return visible + "***" + value.substring(at);
    }

    @Override
    public String toString() {
        return value;
    }
}
