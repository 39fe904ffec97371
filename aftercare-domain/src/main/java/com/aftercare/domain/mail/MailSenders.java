package com.aftercare.domain.mail;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.mail.outbox.MailSafety;
import com.aftercare.domain.mail.sender.MailSenderRows;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Secrets;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The storefronts' own senders, as admins set them in the console: checked when saved, the relay
 * password sealed ({@link Secrets}), every change audited. The pipeline uses a storefront's
 * sender for every mail sent for it: its From and Reply-To, its signature, its name as
 * {@code shopName}, and its relay for the mails the relay carries.
 */
@Service
public class MailSenders {

    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final int MAX_SIGNATURE = 2000;

    private final MailSenderRows rows;
    private final Storefronts storefronts;
    private final Secrets secrets;
    private final AuditLog audit;

    MailSenders(MailSenderRows rows, Storefronts storefronts, Secrets secrets, AuditLog audit) {
        this.rows = rows;
        this.storefronts = storefronts;
        this.secrets = secrets;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<MailSender> find(StorefrontId storefront) {
        return rows.find(storefront).map(MailSenderRows.Route::sender);
    }

    /**
     * Sets a storefront's sender, audited as {@code by} (never with the password).
     *
     * @throws InvalidValue naming the field: {@code fromAddress}, {@code replyTo} (not one plain
     *     address), {@code fromName}, {@code signature} (too long, control characters),
     *     {@code relayHost}, {@code relayPort}, {@code relayUsername}, {@code relayDomains},
     *     {@code relayPassword} (no secrets key on this server; none with a user name, or the relay's
     *     login changed without a new one), {@code relayStarttls} (off with a login)
     */
    @Transactional
    public MailSender save(StorefrontId storefront, MailSenderChange change, String by) {
        storefronts.get(storefront);
        MailSender.Relay relay = relay(change);
        MailSender sender = new MailSender(
                storefront,
                Text.line("fromName", change.fromName(), 100),
                address("fromAddress", change.fromAddress(), true),
                address("replyTo", change.replyTo(), false),
                signature(change.signature()),
                relay);
        String password =
                change.relayPassword() == null || change.relayPassword().isEmpty() ? null : change.relayPassword();
        PasswordFate fate = passwordFate(relay, password, change.clearRelayPassword(), rows.find(storefront));
        requireSafeLogin(relay, fate);
        byte[] sealed = fate == PasswordFate.CHANGED
                ? secrets.seal(password, MailSenderRows.secretRow(storefront), "relayPassword")
                : null;
        rows.store(sender, sealed, fate != PasswordFate.KEPT && fate != PasswordFate.CHANGED, by);
        audit.record(
                by,
                "mail.sender.saved",
                "storefront",
                Long.toString(storefront.value()),
                AuditLog.details(
                        "from", sender.fromAddress(),
                        "relay", relay == null ? "shop" : relay.host() + ":" + relay.port(),
                        "password", fate.name().toLowerCase(Locale.ROOT)));
        return rows.find(storefront).orElseThrow().sender();
    }

    /** What becomes of the relay password on a save, as the audit records it. */
    private enum PasswordFate {
        /** None stored before, none given. */
        NONE,
        /** A new one given. */
        CHANGED,
        /** The stored one stays: same relay, same user, none given. */
        KEPT,
        /** The admin removed it, or the relay went. */
        REMOVED,
        /**
         * The relay's host, port or user changed without a new password: the stored one was given
         * for another server or account and must not be sent to this one.
         */
        DROPPED
    }

    private static PasswordFate passwordFate(
            MailSender.Relay relay, String password, boolean clear, Optional<MailSenderRows.Route> before) {
        boolean stored = before.map(MailSenderRows.Route::sealedPassword).isPresent();
        if (relay == null) {
            return stored ? PasswordFate.REMOVED : PasswordFate.NONE;
        }
        if (password != null) {
            return PasswordFate.CHANGED;
        }
        if (!stored) {
            return PasswordFate.NONE;
        }
        if (clear) {
            return PasswordFate.REMOVED;
        }
        MailSender.Relay old = before.get().sender().relay();
        boolean sameLogin = old != null
                && old.host().equalsIgnoreCase(relay.host())
                && old.port() == relay.port()
                && Objects.equals(old.username(), relay.username());
        return sameLogin ? PasswordFate.KEPT : PasswordFate.DROPPED;
    }

    /**
     * A relay login goes with a user and a password, and never in clear over the network: STARTTLS
     * is required unless the relay runs on this very server (a local Postfix), where nothing
     * crosses a network.
     */
    private static void requireSafeLogin(MailSender.Relay relay, PasswordFate fate) {
        if (relay == null) {
            return;
        }
        boolean hasPassword = fate == PasswordFate.CHANGED || fate == PasswordFate.KEPT;
        if (relay.username() != null && !hasPassword) {
            throw new InvalidValue(
                    "relayPassword",
                    fate == PasswordFate.DROPPED
                            ? "must be entered again: the relay's host, port or user name changed"
                            : "must be given with a user name");
        }
        if (relay.username() == null && hasPassword) {
            throw new InvalidValue("relayUsername", "must be given with a password");
        }
        if (hasPassword && !relay.starttls() && !onThisServer(relay.host())) {
            throw new InvalidValue(
                    "relayStarttls",
                    "must be on when the relay takes a user name and password (they would cross in clear)");
        }
    }

    /** Goes back to the shop's sender; false when the storefront had none of its own. Audited. */
    @Transactional
    public boolean remove(StorefrontId storefront, String by) {
        boolean removed = rows.delete(storefront);
        if (removed) {
            audit.record(by, "mail.sender.removed", "storefront", Long.toString(storefront.value()), Map.of());
        }
        return removed;
    }

    private static MailSender.Relay relay(MailSenderChange change) {
        if (change.relayHost() == null || change.relayHost().isBlank()) {
            if (!change.relayDomains().isEmpty()) {
                throw new InvalidValue("relayDomains", "need a relay to go through");
            }
            return null;
        }
        String host = change.relayHost().strip();
        if (host.length() > 253 || !HOST.matcher(host).matches()) {
            throw new InvalidValue("relayHost", "must be a host name or an IPv4 address");
        }
        if (change.relayPort() == null || change.relayPort() < 1 || change.relayPort() > 65535) {
            throw new InvalidValue("relayPort", "must be 1-65535 (587 for submission with STARTTLS)");
        }
        List<String> domains = change.relayDomains().stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .distinct()
                .toList();
        for (String domain : domains) {
            if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
                throw new InvalidValue("relayDomains", "'" + domain + "' is not a mail domain");
            }
        }
        return new MailSender.Relay(
                host,
                change.relayPort(),
                change.relayStarttls(),
                Text.line("relayUsername", change.relayUsername(), 200),
                false,
                domains);
    }

    private static boolean onThisServer(String host) {
        return host.equalsIgnoreCase("localhost") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static String address(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidValue(field, "must be a mail address");
            }
            return null;
        }
        String address = value.strip();
        try {
            MailSafety.requireAddress(address);
        } catch (InvalidMailAddress e) {
            throw new InvalidValue(field, "must be one plain mail address, such as shop@example.jp");
        }
        return address;
    }

    private static String signature(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.replace("\r\n", "\n").strip();
        if (text.length() > MAX_SIGNATURE || Text.hasControlCharacters(text, true)) {
            throw new InvalidValue("signature", "must be at most " + MAX_SIGNATURE + " characters of text");
        }
        return text;
    }
}
