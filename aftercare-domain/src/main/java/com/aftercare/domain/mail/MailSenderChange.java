package com.aftercare.domain.mail;

import java.util.List;

/**
 * A storefront's sender as an admin submits it. Blank texts mean none; a blank relay host means
 * the shop's relay.
 *
 * @param relayPassword a new password, or null/blank to keep the stored one
 * @param clearRelayPassword remove the stored password (a relay without authentication)
 * @param relayDomains recipient domains for the relay, one per entry; none for all mail
 */
public record MailSenderChange(
        String fromName,
        String fromAddress,
        String replyTo,
        String signature,
        String relayHost,
        Integer relayPort,
        boolean relayStarttls,
        String relayUsername,
        String relayPassword,
        boolean clearRelayPassword,
        List<String> relayDomains) {

    public MailSenderChange {
        relayDomains = relayDomains == null ? List.of() : List.copyOf(relayDomains);
    }
}
