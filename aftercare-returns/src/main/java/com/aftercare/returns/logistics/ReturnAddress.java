package com.aftercare.returns.logistics;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;

/**
 * A warehouse that takes a storefront's returns, and the rule that sends claims to it: each of
 * {@code requestType}, {@code reason} and {@code category} either empty (any) or the one value it
 * takes. The address fields check themselves here, so a bad one is refused on its field before
 * anything is saved.
 *
 * @param id null until saved
 * @param recipient who the parcel is addressed to (宛名), e.g. the shop's name and 返品係
 * @param postalCode 〒 as {@code 123-4567}
 * @param phone the warehouse's phone, with hyphens, as slips print it
 */
public record ReturnAddress(
        Long id,
        StorefrontId storefront,
        String label,
        String recipient,
        String postalCode,
        String address,
        String phone,
        RequestType requestType,
        ReturnReason reason,
        String category) {

    public ReturnAddress {
        label = required("label", label, 60);
        recipient = required("recipient", recipient, 60);
        address = required("address", address, 200);
        postalCode = postalCode == null ? "" : postalCode.strip().replace('－', '-');
        if (postalCode.matches("[0-9]{7}")) {
            postalCode = postalCode.substring(0, 3) + "-" + postalCode.substring(3);
        }
        if (!postalCode.matches("[0-9]{3}-[0-9]{4}")) {
            throw new InvalidValue("postalCode", "must be 7 digits, as 123-4567");
        }
        phone = phone == null ? "" : phone.strip();
        if (!phone.matches("[0-9]{2,5}-[0-9]{1,4}-[0-9]{3,4}")) {
            throw new InvalidValue("phone", "must be a phone number with hyphens, as 03-1234-5678");
        }
        category = category == null || category.isBlank() ? null : category.strip();
        if (category != null && category.length() > 100) {
            throw new InvalidValue("category", "must be at most 100 characters");
        }
    }

    /** How many of the rule's conditions are set: the more, the more specific the address. */
    int specificity() {
        return (requestType == null ? 0 : 1) + (reason == null ? 0 : 1) + (category == null ? 0 : 1);
    }

    /** The address as one line, for a page or a mail: 〒123-4567 東京都… */
    public String oneLine() {
        return "〒" + postalCode + " " + address;
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, "must not be blank");
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidValue(field, "must be at most " + max + " characters");
        }
        return text;
    }
}
