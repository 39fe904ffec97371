package com.aftercare.web.console.admin;

import com.aftercare.domain.mail.MailSender;
import com.aftercare.domain.mail.MailSenderChange;
import com.aftercare.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.List;

/**
 * A storefront's sender as the form shows and sends it. The relay password is never shown: left
 * empty it keeps the stored one; {@code relayDomains} is one domain per line. The check boxes are
 * {@code Boolean}: an unticked box sends nothing, which a {@code boolean} could not bind from; the
 * port is text, so that "587番" is a field message and not a form that cannot be built.
 */
record SenderForm(
        String fromName,
        String fromAddress,
        String replyTo,
        String signature,
        String relayHost,
        String relayPort,
        Boolean relayStarttls,
        String relayUsername,
        String relayPassword,
        Boolean clearRelayPassword,
        String relayDomains) {

    static SenderForm empty() {
        return new SenderForm("", "", "", "", "", "587", true, "", "", false, "");
    }

    static SenderForm of(MailSender sender) {
        MailSender.Relay relay = sender.relay();
        return new SenderForm(
                orEmpty(sender.fromName()),
                sender.fromAddress(),
                orEmpty(sender.replyTo()),
                orEmpty(sender.signature()),
                relay == null ? "" : relay.host(),
                relay == null ? "587" : Integer.toString(relay.port()),
                relay == null || relay.starttls(),
                relay == null ? "" : orEmpty(relay.username()),
                "",
                false,
                relay == null ? "" : String.join("\n", relay.domains()));
    }

    MailSenderChange toChange() {
        List<String> domains = relayDomains == null
                ? List.of()
                : Arrays.stream(relayDomains.split("[\\s,]+"))
                        .filter(d -> !d.isBlank())
                        .toList();
        return new MailSenderChange(
                fromName,
                fromAddress,
                replyTo,
                signature,
                relayHost,
                port(),
                Boolean.TRUE.equals(relayStarttls),
                relayUsername,
                relayPassword,
                Boolean.TRUE.equals(clearRelayPassword),
                domains);
    }

    /** The port typed, null when empty; not a number is the facade's "must be 1-65535" too. */
    private Integer port() {
        if (relayPort == null || relayPort.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(relayPort.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValue("relayPort", "must be a number");
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
