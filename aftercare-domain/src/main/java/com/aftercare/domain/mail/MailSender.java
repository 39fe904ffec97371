package com.aftercare.domain.mail;

import com.aftercare.domain.storefront.StorefrontId;
import java.util.List;

/**
 * A storefront's own sender: the From and Reply-To its mails carry, the signature block added at
 * their end, and optionally its own SMTP relay (楽天市場's masked addresses take mail only through
 * the mall's relay). Without one, a storefront's mails go out as the shop's.
 *
 * @param fromName the display name, also the {@code shopName} its mails show; null for none
 * @param replyTo where customers' answers go, null for the From address
 * @param signature added below the text of each of its mails, null for none
 * @param relay its own SMTP relay, null for the shop's
 */
public record MailSender(
        StorefrontId storefront, String fromName, String fromAddress, String replyTo, String signature, Relay relay) {

    /**
     * An SMTP relay. The password is never read back: {@code hasPassword} says whether one is stored.
     *
     * @param domains recipient domains that go through this relay; empty for all of the
     *     storefront's mail
     */
    public record Relay(
            String host, int port, boolean starttls, String username, boolean hasPassword, List<String> domains) {

        public Relay {
            domains = List.copyOf(domains);
        }

        /** Whether mail to this address goes through the relay. */
        public boolean carries(String recipient) {
            if (domains.isEmpty()) {
                return true;
            }
            String domain = recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
            return domains.contains(domain);
        }
    }
}
