package com.aftercare.web.api.shopify;

import static com.aftercare.web.api.shopify.ShopifyFields.firstText;

import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.customer.PersonalDetails;
import com.aftercare.domain.ingest.StorefrontEvent;
import com.aftercare.domain.ingest.StorefrontEvent.ConsentStatement;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.web.api.shopify.ShopifyPayloads.Address;
import com.aftercare.web.api.shopify.ShopifyPayloads.EmailMarketingConsent;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Shopify's customers as storefront customers: the customer of an order or of a customers/* topic,
 * and their email marketing consent, which Shopify sends inside the customer (older API versions)
 * or on its own (customers_email_marketing_consent/update). Consent is recorded with Shopify's own
 * state and time: {@code subscribed} is a yes, {@code unsubscribed} and {@code redacted} a no; the
 * other states ({@code not_subscribed}, {@code pending}, {@code invalid}) are no decision of the
 * customer and record nothing.
 */
final class ShopifyCustomers {

    private ShopifyCustomers() {}

    /**
     * The customer as Aftercare keeps them; empty when Shopify has no email for them (a customer
     * known by phone alone), since Aftercare recognises people by email.
     *
     * @param email the order's email when the customer is an order's, else the customer's own
     * @param address the address to take a name and phone from when the customer has none
     */
    static Optional<StorefrontEvent.Customer> of(
            ShopifyPayloads.Customer customer, String email, Address address, String phone) {
        String mail = firstText(email, customer == null ? null : customer.email());
        if (mail == null) {
            return Optional.empty();
        }
        EmailAddress emailAddress = EmailAddress.of(mail);
        Address fallback = address != null ? address : customer == null ? null : customer.defaultAddress();
        String name = firstText(
                customer == null ? null : fullName(customer.firstName(), customer.lastName()),
                fallback == null
                        ? null
                        : firstText(fallback.name(), fullName(fallback.firstName(), fallback.lastName())),
                emailAddress.value().substring(0, emailAddress.value().indexOf('@')));
        String phoneNumber = firstText(
                customer == null ? null : customer.phone(), phone, fallback == null ? null : fallback.phone());
        return Optional.of(new StorefrontEvent.Customer(
                emailAddress,
                details(name, phoneNumber),
                customer == null || customer.id() == null ? null : String.valueOf(customer.id()),
                customer == null ? null : consent(customer.emailMarketingConsent())));
    }

    /** Shopify's consent state as a decision of the customer's; null when it is none. */
    static ConsentStatement consent(EmailMarketingConsent consent) {
        if (consent == null || consent.state() == null) {
            return null;
        }
        Instant at = consent.consentUpdatedAt() == null
                ? null
                : consent.consentUpdatedAt().toInstant();
        return switch (consent.state().strip().toLowerCase(Locale.ROOT)) {
            case "subscribed" -> new ConsentStatement(true, wording(consent), at);
            case "unsubscribed", "redacted" -> new ConsentStatement(false, null, at);
            default -> null;
        };
    }

    /** What the consent record keeps as the wording: Shopify's state and opt-in level, since Shopify sends no text. */
    private static String wording(EmailMarketingConsent consent) {
        String level = consent.optInLevel() == null ? "unknown" : consent.optInLevel();
        return "Shopify email_marketing_consent: subscribed (opt_in_level " + level + ")";
    }

    /**
     * A person's name as they write it: a Japanese name family name first (山田 花子), any other
     * given name first. Null when both are blank.
     */
    static String fullName(String firstName, String lastName) {
        String first = firstText(firstName);
        String last = firstText(lastName);
        if (first == null || last == null) {
            return first == null ? last : first;
        }
        return isJapanese(first + last) ? last + " " + first : first + " " + last;
    }

    /** A phone Aftercare cannot use (Shopify accepts free text) is left out rather than refusing the customer. */
    private static PersonalDetails details(String name, String phone) {
        try {
            return new PersonalDetails(name, null, phone);
        } catch (InvalidValue e) {
            if (phone == null || !e.field().endsWith("phone")) {
                throw e;
            }
            return new PersonalDetails(name, null, null);
        }
    }

    private static boolean isJapanese(String text) {
        return text.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HAN
                    || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
        });
    }
}
