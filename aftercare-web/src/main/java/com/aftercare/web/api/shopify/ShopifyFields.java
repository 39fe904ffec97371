package com.aftercare.web.api.shopify;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import java.text.Normalizer;
import java.util.Locale;
import java.util.stream.Stream;

/** Reading Shopify's fields: required ones, free text, the first of several that is given. */
final class ShopifyFields {

    private ShopifyFields() {}

    /** @throws InvalidValue naming Shopify's field when it is missing */
    static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidValue(field, "is required");
        }
        return value;
    }

    /** One line of free text, stripped, null when blank; too long or with control characters is refused. */
    static String text(String field, String value, int max) {
        return Text.line(field, value, max);
    }

    /** The first of the texts that is not blank, stripped; null when all are. */
    static String firstText(String... texts) {
        return Stream.of(texts)
                .filter(t -> t != null && !t.isBlank())
                .map(String::strip)
                .findFirst()
                .orElse(null);
    }

    /** For comparing names and answers: width, case and surrounding spaces do not matter. */
    static String normalised(String value) {
        return value == null
                ? ""
                : Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
