package com.aftercare.returns;

import com.aftercare.domain.shared.InvalidValue;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The price of a repair outside the warranty, in whole yen, which the customer accepts or declines. */
@Embeddable
record RepairQuote(@Column(name = "quote_yen") long yen) {

    RepairQuote {
        if (yen <= 0) {
            throw new InvalidValue("amount", "must be a positive number of yen");
        }
    }

    /** As the claim's history notes it. */
    String note() {
        return "¥" + yen;
    }
}
