package com.aftercare.returns.signals;

import com.aftercare.domain.customer.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A person's email, phones and shipping address reduced to what tells "the same" apart: each
 * normalised (NFKC, so full-width digits and hyphens typed on a Japanese keyboard compare equal;
 * phones to their digits with +81 as a leading 0; addresses without spaces or hyphen variants) and
 * kept only as a SHA-256 digest, which matches but never reads back. Pure.
 */
public final class ContactPoints {

    /** Shorter runs of digits are not a phone number worth matching. */
    private static final int MIN_PHONE_DIGITS = 8;

    public enum Kind {
        EMAIL,
        PHONE,
        ADDRESS
    }

    /** One contact point: its kind and the hex SHA-256 of its normalised form. */
    public record Contact(Kind kind, String digest) {}

    private ContactPoints() {}

    /**
     * The contact points of a claim's customer and order; blank or unusable values are left out.
     *
     * @param email the customer's normalised email
     */
    public static Set<Contact> of(
            String email, String phone, String shipPhone, String postalCode, String prefecture, String address) {
        Set<Contact> contacts = new LinkedHashSet<>();
        add(contacts, Kind.EMAIL, email == null ? null : nfkc(email).toLowerCase(Locale.ROOT));
        add(contacts, Kind.PHONE, phone(phone));
        add(contacts, Kind.PHONE, phone(shipPhone));
        add(contacts, Kind.ADDRESS, address(postalCode, prefecture, address));
        return contacts;
    }

    /** 090-1234-5678, ０９０１２３４５６７８ and +81 90 1234 5678 are the same number. */
    static String phone(String phone) {
        // the customer module's one form of a phone number, so a signal and a lookup agree
        String digits = PhoneNumber.normalized(phone);
        return digits == null || digits.length() < MIN_PHONE_DIGITS ? null : digits;
    }

    /** The postal code's digits and the address without spaces and with one kind of hyphen. */
    static String address(String postalCode, String prefecture, String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String postal = postalCode == null ? "" : nfkc(postalCode).replaceAll("[^0-9]", "");
        String text = nfkc((prefecture == null ? "" : prefecture) + address)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "")
                .replaceAll("[‐‑‒–—―−ｰ]", "-")
                .replaceAll("(?<=[0-9])ー(?=[0-9])", "-")
                .replace("丁目", "-")
                .replace("番地", "-")
                .replace("番", "-")
                .replace("号", "")
                .replaceAll("-+", "-")
                .replaceAll("-$", "");
        return postal + "|" + text;
    }

    private static void add(Set<Contact> contacts, Kind kind, String normalised) {
        if (normalised != null && !normalised.isBlank()) {
            contacts.add(new Contact(kind, sha256(kind + ":" + normalised)));
        }
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
