package com.aftercare.domain.line;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.ConnectionSecrets;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Secrets;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A storefront's LINE official account: the channel secret LINE signs webhooks with and the
 * channel access token our calls carry. Both must be readable, so they are sealed with the
 * integrations' key ({@link Secrets}, {@code AFTERCARE_SECRETS_KEY}, bound to the storefront, as the
 * Shopify secret and the relay passwords are; {@link ConnectionSecrets} does it for both) rather
 * than hashed, and never shown again: the console sees the secret's last four characters. Every
 * change is audited as the acting admin, never with a secret.
 */
@Service
public class LineChannels {

    private static final ConnectionSecrets.Table CHANNEL =
            new ConnectionSecrets.Table("line_channel", "channel_secret", "line-channel-secret");
    private static final String TOKEN = "line-access-token";

    private final JdbcClient jdbc;
    private final ConnectionSecrets secrets;
    private final LineApi api;
    private final AuditLog audit;
    private final Clock clock;

    LineChannels(JdbcClient jdbc, ConnectionSecrets secrets, LineApi api, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.api = api;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What the console shows of a storefront's LINE channel ({@code secretHint} null: not
     * connected); {@code noticesOnLine}: linked customers get their notices on LINE; {@code
     * firstReply}: a LINE-only customer's new conversation is answered at once with the order
     * lookup link, in the shop's {@code firstReplyText} (null: the default words).
     */
    public record Settings(
            StorefrontId storefront,
            String secretHint,
            Instant updatedAt,
            String updatedBy,
            boolean noticesOnLine,
            boolean firstReply,
            String firstReplyText) {

        public boolean connected() {
            return secretHint != null;
        }
    }

    /** The longest first reply a shop may write: the link and LINE's 5000 characters leave room. */
    public static final int MAX_FIRST_REPLY = 1000;

    /** Where the link goes in the shop's own first reply. */
    public static final String LINK = "{link}";

    /**
     * The storefront answers a LINE-only customer's new conversation by itself.
     *
     * @param text the shop's words, or null for the default words in the customer's language
     */
    public record FirstReply(String text) {

        /**
         * The reply with {@code link} where the shop's words put {@value #LINK}, else on a line of
         * its own after them; the default words (given the link) when the shop wrote none.
         */
        public String with(String link, UnaryOperator<String> defaultWords) {
            if (text == null) {
                return defaultWords.apply(link);
            }
            return text.contains(LINK) ? text.replace(LINK, link) : text + "\n" + link;
        }
    }

    /**
     * What LINE said when asked for the channel's bot ({@code GET /v2/bot/info} with the stored
     * token): the bot's display name and basic ID, or why not.
     */
    public record Check(Outcome outcome, String displayName, String basicId) {

        public enum Outcome {
            OK,
            NOT_CONNECTED,
            /** LINE refused the access token (401/403): reissue it in the LINE Developers console. */
            TOKEN_REFUSED,
            /** Any other answer, or none: LINE or the network. */
            UNREACHABLE
        }

        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    /**
     * The storefront a webhook comes from, when {@code X-Line-Signature} is the Base64 HMAC-SHA256
     * of the raw body with that storefront's channel secret. Checked before anything reads the
     * body; an unknown storefront, one without a channel and a wrong or missing signature all
     * answer empty alike.
     */
    @Transactional(readOnly = true)
    public Optional<StorefrontId> verify(String storefrontCode, byte[] body, String signature) {
        return secrets.verify(CHANNEL, storefrontCode, body, signature).map(StorefrontId::new);
    }

    @Transactional(readOnly = true)
    public Settings settings(StorefrontId storefront) {
        secrets.requireStorefront(storefront.value());
        return secrets.stamp(CHANNEL, storefront.value())
                .map(stamp -> jdbc.sql("""
                                select notices_on_line, first_reply, first_reply_text from line_channel
                                 where storefront_id = :storefront
                                """)
                        .param("storefront", storefront.value())
                        .query((rs, i) -> new Settings(
                                storefront,
                                stamp.hint(),
                                stamp.updatedAt(),
                                stamp.updatedBy(),
                                rs.getBoolean(1),
                                rs.getBoolean(2),
                                rs.getString(3)))
                        .single())
                .orElse(new Settings(storefront, null, null, null, false, false, null));
    }

    /** The storefront's automatic first reply on LINE, when an admin turned it on. */
    @Transactional(readOnly = true)
    public Optional<FirstReply> firstReply(StorefrontId storefront) {
        return jdbc.sql("""
                        select first_reply_text from line_channel where storefront_id = :storefront and first_reply
                        """)
                .param("storefront", storefront.value())
                .query((rs, i) -> new FirstReply(rs.getString(1)))
                .optional();
    }

    /**
     * Turns the automatic first reply on or off and keeps the shop's words for it (blank: the
     * default words); audited ({@code line.first-reply.saved}) when it changed anything.
     *
     * @throws InvalidValue on {@code firstReply} when the storefront has no LINE channel, on {@code
     *     firstReplyText} for words longer than {@value #MAX_FIRST_REPLY} characters or with
     *     control characters
     */
    @Transactional
    public void saveFirstReply(StorefrontId storefront, boolean on, String text, String by) {
        secrets.requireStorefront(storefront.value());
        String words = firstReplyWords(text);
        int changed = jdbc.sql("""
                        update line_channel set first_reply = :on, first_reply_text = :text
                         where storefront_id = :storefront
                           and (first_reply <> :on or first_reply_text is distinct from :text)
                        """)
                .param("on", on)
                .param("text", words)
                .param("storefront", storefront.value())
                .update();
        settingChanged(
                storefront,
                changed,
                "firstReply",
                "line.first-reply.saved",
                Map.of("on", on, "ownWords", words != null),
                by);
    }

    /**
     * After an update of one of the channel's settings: refused on {@code field} when the storefront
     * has no channel to set it on, audited as {@code action} when the update changed anything.
     */
    private void settingChanged(
            StorefrontId storefront, int changed, String field, String action, Map<String, ?> details, String by) {
        if (changed == 0 && secrets.stamp(CHANNEL, storefront.value()).isEmpty()) {
            throw new InvalidValue(field, "connect the storefront's LINE channel first");
        }
        if (changed > 0) {
            audit.record(by, action, "storefront", target(storefront), details);
        }
    }

    /** The shop's words as kept: stripped, null when blank (the default words then). */
    static String firstReplyWords(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String words = text.strip().replace("\r\n", "\n");
        if (words.length() > MAX_FIRST_REPLY) {
            throw new InvalidValue("firstReplyText", "must be at most " + MAX_FIRST_REPLY + " characters");
        }
        if (Text.hasControlCharacters(words, true) || Text.hasLoneSurrogate(words)) {
            throw new InvalidValue("firstReplyText", "must not contain control characters");
        }
        return words;
    }

    /**
     * Whether the storefront sends notices (the shipping notice, step mails, the visit
     * confirmation) on LINE to the customers linked to its account; off until an admin turns it on.
     */
    @Transactional(readOnly = true)
    public boolean noticesOnLine(StorefrontId storefront) {
        return jdbc.sql("select notices_on_line from line_channel where storefront_id = :storefront")
                .param("storefront", storefront.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Turns notices on LINE on or off for the storefront; audited ({@code line.notices.switched})
     * when it changed anything.
     *
     * @throws InvalidValue on {@code noticesOnLine} when the storefront has no LINE channel to send on
     */
    @Transactional
    public void switchNotices(StorefrontId storefront, boolean on, String by) {
        secrets.requireStorefront(storefront.value());
        int changed = jdbc.sql("""
                        update line_channel set notices_on_line = :on
                         where storefront_id = :storefront and notices_on_line <> :on
                        """)
                .param("on", on)
                .param("storefront", storefront.value())
                .update();
        settingChanged(storefront, changed, "noticesOnLine", "line.notices.switched", Map.of("on", on), by);
    }

    /**
     * Asks LINE for the channel's bot with the stored access token, so an admin sees at once
     * whether the token works; reads nothing else and changes nothing.
     */
    public Check check(StorefrontId storefront) {
        secrets.requireStorefront(storefront.value());
        return accessToken(storefront.value())
                .map(api::botInfo)
                .orElse(new Check(Check.Outcome.NOT_CONNECTED, null, null));
    }

    /**
     * Stores the channel secret and the channel access token (LINE Developers console, the
     * channel's Basic settings and Messaging API tabs), replacing the ones before; audited
     * ({@code line.channel.saved}) with the secret's last four characters only.
     *
     * @throws InvalidValue on {@code channelSecret} or {@code accessToken}: not plausible, or no key to store them with
     */
    @Transactional
    public void save(StorefrontId storefront, String channelSecret, String accessToken, String by) {
        secrets.requireStorefront(storefront.value());
        String secret = ConnectionSecrets.plausible("channelSecret", channelSecret, 16, 100, "LINE");
        String token = ConnectionSecrets.plausible("accessToken", accessToken, 20, 2000, "LINE");
        ConnectionSecrets.Sealed sealedSecret =
                secrets.seal(secret, storefront.value(), CHANNEL.boundTo(), "channelSecret");
        ConnectionSecrets.Sealed sealedToken = secrets.seal(token, storefront.value(), TOKEN, "accessToken");
        jdbc.sql("""
                        insert into line_channel (storefront_id, channel_secret, access_token, secret_hint, updated_at, updated_by)
                        values (:storefront, :secret, :token, :hint, :at, :by)
                        on conflict (storefront_id) do update
                           set channel_secret = excluded.channel_secret, access_token = excluded.access_token,
                               secret_hint = excluded.secret_hint, updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by
                        """)
                .param("storefront", storefront.value())
                .param("secret", sealedSecret.value())
                .param("token", sealedToken.value())
                .param("hint", sealedSecret.hint())
                .param("at", Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
        audit.record(by, "line.channel.saved", "storefront", target(storefront), sealedSecret.auditDetails());
    }

    /**
     * Makes sure the storefront's channel has this secret and token (from the environment, for
     * automation): idempotent, so every start of every instance may ask; audited only when it
     * changed anything.
     */
    @Transactional
    public void ensure(StorefrontId storefront, String channelSecret, String accessToken, String by) {
        record Stored(byte[] secret, byte[] token) {}
        long id = storefront.value();
        boolean same = jdbc.sql(
                        "select channel_secret, access_token from line_channel where storefront_id = :storefront")
                .param("storefront", id)
                .query((rs, i) -> new Stored(rs.getBytes(1), rs.getBytes(2)))
                .optional()
                .map(stored ->
                        secrets.open(stored.secret(), id, CHANNEL.boundTo()).equals(channelSecret.strip())
                                && secrets.open(stored.token(), id, TOKEN).equals(accessToken.strip()))
                .orElse(false);
        if (!same) {
            save(storefront, channelSecret, accessToken, by);
        }
    }

    /** Stops taking the storefront's LINE webhooks and sending to LINE; audited ({@code line.channel.removed}). */
    @Transactional
    public void disconnect(StorefrontId storefront, String by) {
        if (secrets.delete(CHANNEL, storefront.value())) {
            audit.record(by, "line.channel.removed", "storefront", target(storefront), Map.of());
        }
    }

    /** The channel access token, when the storefront has a channel. */
    Optional<String> accessToken(long storefront) {
        return jdbc.sql("select access_token from line_channel where storefront_id = :storefront")
                .param("storefront", storefront)
                .query((rs, i) -> rs.getBytes(1))
                .optional()
                .map(stored -> secrets.open(stored, storefront, TOKEN));
    }

    private static String target(StorefrontId storefront) {
        return String.valueOf(storefront.value());
    }
}
