package com.aftercare.domain.mail;

/**
 * A recipient address or extra header that cannot safely go into a mail. Thrown by
 * {@link MailOutbox#enqueue} before anything is stored, so callers can turn it into a field
 * error or a 400 instead of a mail that fails (or injects headers) later.
 */
public final class InvalidMailAddress extends IllegalArgumentException {

    private InvalidMailAddress(String message) {
        super(message);
    }

    public static InvalidMailAddress forRecipient(String address) {
        return new InvalidMailAddress("Not a usable recipient address: '" + printable(address) + "'");
    }

    public static InvalidMailAddress forHeader(String name) {
        return new InvalidMailAddress("Not a usable mail header: '" + printable(name) + "'");
    }

    // keeps the message itself on one line in logs and problem details
    private static String printable(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n");
    }
}
