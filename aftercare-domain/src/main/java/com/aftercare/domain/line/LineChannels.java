package com.aftercare.domain.line;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.BodyHmac;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Secrets;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A storefront's LINE official account: the channel secret LINE signs webhooks with and the
 * channel access token our calls carry. Both must be readable, so they are sealed with the
 * integrations' key ({@link Secrets}, {@code AFTERCARE_SECRETS_KEY}, bound to the storefront, as the
 * Shopify secret and the relay passwords are) rather than hashed, and never shown again: the
 * console sees the secret's last four characters. Every change is audited as the acting admin,
 * never with a secret.
 */
@Service
public class LineChannels {

    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final AuditLog audit;
    private final Clock clock;

    LineChannels(JdbcClient jdbc, Secrets secrets, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the console shows of a storefront's LINE channel ({@code secretHint} null: not connected). */
    public record Settings(StorefrontId storefront, String secretHint, Instant updatedAt, String updatedBy) {

        public boolean connected() {
            return secretHint != null;
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
        if (storefrontCode == null || body == null || signature == null) {
            return Optional.empty();
        }
        record Stored(long storefront, byte[] secret) {}
        return jdbc.sql("""
                        select c.storefront_id, c.channel_secret from line_channel c
                          join storefront s on s.id = c.storefront_id
                         where s.code = :code
                        """)
                .param("code", storefrontCode)
                .query((rs, i) -> new Stored(rs.getLong(1), rs.getBytes(2)))
                .optional()
                .filter(stored -> BodyHmac.matches(
                        secrets.open(stored.secret(), secretRow(stored.storefront())), body, signature))
                .map(stored -> new StorefrontId(stored.storefront()));
    }

    @Transactional(readOnly = true)
    public Settings settings(StorefrontId storefront) {
        requireStorefront(storefront);
        return jdbc.sql(
                        "select secret_hint, updated_at, updated_by from line_channel where storefront_id = :storefront")
                .param("storefront", storefront.value())
                .query((rs, i) -> new Settings(
                        storefront, rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional()
                .orElse(new Settings(storefront, null, null, null));
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
        requireStorefront(storefront);
        String secret = plausible("channelSecret", channelSecret, 16, 100);
        String token = plausible("accessToken", accessToken, 20, 2000);
        byte[] sealedSecret = secrets.seal(secret, secretRow(storefront.value()), "channelSecret");
        byte[] sealedToken = secrets.seal(token, tokenRow(storefront.value()), "accessToken");
        String hint = secret.substring(secret.length() - 4);
        jdbc.sql("""
                        insert into line_channel (storefront_id, channel_secret, access_token, secret_hint, updated_at, updated_by)
                        values (:storefront, :secret, :token, :hint, :at, :by)
                        on conflict (storefront_id) do update
                           set channel_secret = excluded.channel_secret, access_token = excluded.access_token,
                               secret_hint = excluded.secret_hint, updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by
                        """)
                .param("storefront", storefront.value())
                .param("secret", sealedSecret)
                .param("token", sealedToken)
                .param("hint", hint)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
        audit.record(by, "line.channel.saved", "storefront", target(storefront), Map.of("secretEndsWith", hint));
    }

    /**
     * Makes sure the storefront's channel has this secret and token (from the environment, for
     * automation): idempotent, so every start of every instance may ask; audited only when it
     * changed anything.
     */
    @Transactional
    public void ensure(StorefrontId storefront, String channelSecret, String accessToken, String by) {
        record Stored(byte[] secret, byte[] token) {}
        boolean same = jdbc.sql(
                        "select channel_secret, access_token from line_channel where storefront_id = :storefront")
                .param("storefront", storefront.value())
                .query((rs, i) -> new Stored(rs.getBytes(1), rs.getBytes(2)))
                .optional()
                .map(stored -> secrets.open(stored.secret(), secretRow(storefront.value()))
                                .equals(channelSecret.strip())
                        && secrets.open(stored.token(), tokenRow(storefront.value()))
                                .equals(accessToken.strip()))
                .orElse(false);
        if (!same) {
            save(storefront, channelSecret, accessToken, by);
        }
    }

    /** Stops taking the storefront's LINE webhooks and sending to LINE; audited ({@code line.channel.removed}). */
    @Transactional
    public void disconnect(StorefrontId storefront, String by) {
        requireStorefront(storefront);
        int deleted = jdbc.sql("delete from line_channel where storefront_id = :storefront")
                .param("storefront", storefront.value())
                .update();
        if (deleted > 0) {
            audit.record(by, "line.channel.removed", "storefront", target(storefront), Map.of());
        }
    }

    /** The channel access token, when the storefront has a channel. */
    Optional<String> accessToken(long storefront) {
        return jdbc.sql("select access_token from line_channel where storefront_id = :storefront")
                .param("storefront", storefront)
                .query((rs, i) -> rs.getBytes(1))
                .optional()
                .map(stored -> secrets.open(stored, tokenRow(storefront)));
    }

    /** A secret or token as LINE shows it: printable ASCII without spaces, of a plausible length. */
    private static String plausible(String field, String value, int min, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() < min
                || stripped.length() > max
                || stripped.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new InvalidValue(
                    field, "must be " + min + "-" + max + " printable characters without spaces, as LINE shows it");
        }
        return stripped;
    }

    private void requireStorefront(StorefrontId storefront) {
        boolean exists = jdbc.sql("select count(*) from storefront where id = :id")
                        .param("id", storefront.value())
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            throw NotFound.storefront(storefront.value());
        }
    }

    /** What a sealed value is bound to: copied onto another storefront's row it does not open. */
    private static String secretRow(long storefront) {
        return "line-channel-secret:" + storefront;
    }

    private static String tokenRow(long storefront) {
        return "line-access-token:" + storefront;
    }

    private static String target(StorefrontId storefront) {
        return String.valueOf(storefront.value());
    }
}
