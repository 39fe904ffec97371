package com.aftercare.domain.customer;

/**
 * A read-only snapshot of a customer, safe to hand to other modules and to the web. {@code email}
 * is null for a customer reached only by phone or LINE: a mail to them is not queued, and the
 * caller says so where an operator sees it ({@link #hasEmail()}).
 */
public record CustomerView(CustomerId id, EmailAddress email, String name, String nameKana, String phone) {

    public boolean hasEmail() {
        return email != null;
    }

    /** {@code ya***@example.jp}, or null without an email. */
    public String maskedEmail() {
        return email == null ? null : email.masked();
    }

    /** {@link #maskPhone} of this customer's phone. */
    public String maskedPhone() {
        return maskPhone(phone);
    }

    /** The address as given, or null without an email (lists, exports). */
    public String emailText() {
        return email == null ? null : email.value();
    }

    static CustomerView of(Customer customer) {
        return new CustomerView(
                customer.id(), customer.email(), customer.name(), customer.nameKana(), customer.phone());
    }

    /** 090-1234-5678 → 090-****-5678: enough to recognise, not enough to call. Null stays null. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "-****-" + digits.substring(digits.length() - 4);
    }
}
