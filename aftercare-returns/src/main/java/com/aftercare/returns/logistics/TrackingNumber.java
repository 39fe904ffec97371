package com.aftercare.returns.logistics;

import com.aftercare.domain.shared.InvalidValue;

/**
 * A parcel's tracking number (お問い合わせ伝票番号) as the carriers print it: 10 to 14 digits
 * (ヤマト運輸 and 佐川急便 12, ゆうパック 11 to 13). The customer may type it with hyphens or spaces,
 * or in full-width digits from a Japanese keyboard; it is kept as digits only.
 */
public record TrackingNumber(String value) {

    public TrackingNumber {
        if (value == null || !value.matches("[0-9]{10,14}")) {
            throw new InvalidValue("trackingNumber", "must be 10 to 14 digits");
        }
    }

    /** What a customer typed, normalised; refused when it is not a tracking number. */
    public static TrackingNumber typed(String text) {
        if (text == null) {
            throw new InvalidValue("trackingNumber", "must be 10 to 14 digits");
        }
        StringBuilder digits = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                digits.append((char) ('0' + (c - '０')));
            } else if (c == '-' || c == '－' || c == 'ー' || c == ' ' || c == '　') {
                continue;
            } else {
                digits.append(c);
            }
        }
        return new TrackingNumber(digits.toString());
    }
}
