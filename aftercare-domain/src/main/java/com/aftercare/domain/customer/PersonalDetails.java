package com.aftercare.domain.customer;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;

/** What a storefront tells us about a person besides the email. */
public record PersonalDetails(String name, String nameKana, String phone) {

    public PersonalDetails {
        name = clean("customer.name", name, 200);
        if (name == null) {
            throw new InvalidValue("customer.name", "must not be blank");
        }
        nameKana = clean("customer.nameKana", nameKana, 200);
        phone = clean("customer.phone", phone, 30);
        if (phone != null && !phone.matches("^\\+?[0-9()\\- ]{6,30}$")) {
            throw new InvalidValue("customer.phone", "must be digits, spaces, dashes or parentheses, optionally starting with +");
        }
    }

    private static String clean(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidValue(field, "must be at most " + max + " characters");
        }
        if (Text.hasControlCharacters(stripped, false)) {
            throw new InvalidValue(field, "must not contain control characters");
        }
        return stripped;
    }
}
