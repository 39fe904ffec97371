package com.aftercare.domain.mail.outbox;

import com.aftercare.domain.mail.InvalidMailAddress;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that what goes into the outbox can become a mail without surprises. Deliberately simple:
 * the domain has no Jakarta Mail, and the SMTP server has the last word on an address anyway.
 * What it must stop is CR/LF (header injection) and things that are clearly not one address.
 */
public final class MailSafety {

    /** An open character class: anything but spaces, controls and list/quote/angle characters. */
    private static final String NOT_SPECIAL = "[^\\s\\p{Cntrl}@<>()\\[\\],;:\"\\\\";

    /** One address: one @, a local part, a domain with at least one dot. */
    private static final Pattern ADDRESS =
            Pattern.compile(NOT_SPECIAL + "]+@" + NOT_SPECIAL + ".]+(\\." + NOT_SPECIAL + ".]+)+");

    /** RFC 5322 field name: printable US-ASCII except colon. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");

    /**
     * Headers the dispatcher writes itself. A Cc or Bcc here would even add recipients, because
     * SMTP sends to every address the message names.
     */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "from",
            "sender",
            "to",
            "cc",
            "bcc",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "content-type",
            "content-transfer-encoding",
            "return-path");

    /** RFC 5321 limits a forward path to 256 octets, so 254 characters for the address. */
    private static final int MAX_ADDRESS_LENGTH = 254;

    private MailSafety() {}

    static void requireSafe(OutgoingMail mail) {
        requireAddress(mail.to());
        mail.headers().forEach(MailSafety::requireHeader);
    }

    public static void requireAddress(String address) {
        if (address.length() > MAX_ADDRESS_LENGTH || !ADDRESS.matcher(address).matches()) {
            throw InvalidMailAddress.forRecipient(address);
        }
    }

    private static void requireHeader(String name, String value) {
        if (!HEADER_NAME.matcher(name).matches()
                || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                || value == null
                || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0) {
            throw InvalidMailAddress.forHeader(name);
        }
    }
}
