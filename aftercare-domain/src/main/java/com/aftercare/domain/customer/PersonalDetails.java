package com.aftercare.domain.customer;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import java.text.Normalizer;

/** What a storefront tells us about a person besides the email. */
public record PersonalDetails(String name, String nameKana, String phone) {

    public PersonalDetails {
        name = Text.line("customer.name", name, 200);
        if (name == null) {
            throw new InvalidValue("customer.name", "must not be blank");
        }
        nameKana = Text.line("customer.nameKana", nameKana, 200);
        // NFKC first: a full-width ０９０-１２３４-５６７８ typed on a Japanese keyboard is a fine number.
        phone = Text.line(
                "customer.phone", phone == null ? null : Normalizer.normalize(phone, Normalizer.Form.NFKC), 30);
        if (phone != null
                && (!phone.matches("^\\+?[0-9()\\- ]{6,30}$")
                        || phone.chars().filter(Character::isDigit).count() < 6)) {
            throw new InvalidValue(
                    "customer.phone",
                    "must be at least 6 digits, with spaces, dashes or parentheses, optionally starting with +");
        }
    }
}
