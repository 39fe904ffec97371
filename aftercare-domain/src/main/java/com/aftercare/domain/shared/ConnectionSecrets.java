package com.aftercare.domain.shared;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every storefront's connection to an outside platform (Shopify, LINE) does with the secret
 * that platform signs its webhooks with: check it is plausible, seal it bound to the storefront's
 * row ({@link Secrets}), keep its last four characters as the only thing the console and the audit
 * ever show, verify a webhook's Base64 HMAC-SHA256 ({@link BodyHmac}) against it, and delete it. One
 * place, so the two connections cannot drift apart in how they guard a secret.
 *
 * <p>Each connection table has {@code storefront_id}, the sealed secret column, {@code secret_hint},
 * {@code updated_at} and {@code updated_by}; callers name it with a {@link Table} constant (never
 * user input: the names go into the SQL).
 */
@Component
public class ConnectionSecrets {

    /**
     * A connection table and its sealed secret.
     *
     * @param boundTo the prefix of what a sealed value is bound to ({@code shopify-webhook}): the
     *     value copied onto another storefront's row does not open
     */
    public record Table(String name, String secretColumn, String boundTo) {}

    /** A secret sealed for one storefront, and the hint the console and the audit may show. */
    public record Sealed(byte[] value, String hint) {

        /** The audit's details of a save: the hint, never the secret. */
        public Map<String, Object> auditDetails() {
            return Map.of("secretEndsWith", hint);
        }
    }

    /** When and by whom the stored secret was set, and its hint. */
    public record Stamp(String hint, Instant updatedAt, String updatedBy) {}

    private final JdbcClient jdbc;
    private final Secrets secrets;

    ConnectionSecrets(JdbcClient jdbc, Secrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /**
     * A secret or token as the platform shows it: printable ASCII without spaces, of a plausible
     * length, stripped.
     *
     * @throws InvalidValue naming {@code field}
     */
    public static String plausible(String field, String value, int min, int max, String platform) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() < min
                || stripped.length() > max
                || stripped.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new InvalidValue(
                    field,
                    "must be " + min + "-" + max + " printable characters without spaces, as " + platform
                            + " shows it");
        }
        return stripped;
    }

    /** @throws InvalidValue naming {@code field} when no key is configured */
    public Sealed seal(String secret, long storefront, String boundTo, String field) {
        return new Sealed(secrets.seal(secret, row(boundTo, storefront), field), secret.substring(secret.length() - 4));
    }

    public String open(byte[] sealed, long storefront, String boundTo) {
        return secrets.open(sealed, row(boundTo, storefront));
    }

    /**
     * The storefront a webhook comes from, when {@code signature} is the Base64 HMAC-SHA256 of the
     * raw body keyed with that storefront's secret. An unknown storefront, one without a
     * connection and a wrong or missing signature all answer empty alike.
     */
    public Optional<Long> verify(Table table, String storefrontCode, byte[] body, String signature) {
        if (storefrontCode == null || body == null || signature == null) {
            return Optional.empty();
        }
        record Stored(long storefront, byte[] secret) {}
        return jdbc.sql("select c.storefront_id, c." + table.secretColumn() + " from " + table.name()
                        + " c join storefront s on s.id = c.storefront_id where s.code = :code")
                .param("code", storefrontCode)
                .query((rs, i) -> new Stored(rs.getLong(1), rs.getBytes(2)))
                .optional()
                .filter(stored ->
                        BodyHmac.matches(open(stored.secret(), stored.storefront(), table.boundTo()), body, signature))
                .map(Stored::storefront);
    }

    /** The stored secret's hint and stamp; empty when the storefront is not connected. */
    public Optional<Stamp> stamp(Table table, long storefront) {
        return jdbc.sql("select secret_hint, updated_at, updated_by from " + table.name()
                        + " where storefront_id = :storefront")
                .param("storefront", storefront)
                .query((rs, i) -> new Stamp(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .optional();
    }

    /** Deletes the storefront's connection; true when there was one (the caller audits it). */
    public boolean delete(Table table, long storefront) {
        requireStorefront(storefront);
        return jdbc.sql("delete from " + table.name() + " where storefront_id = :storefront")
                        .param("storefront", storefront)
                        .update()
                > 0;
    }

    /** @throws NotFound when there is no such storefront */
    public void requireStorefront(long storefront) {
        boolean exists = jdbc.sql("select count(*) from storefront where id = :id")
                        .param("id", storefront)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            throw NotFound.storefront(storefront);
        }
    }

    private static String row(String boundTo, long storefront) {
        return boundTo + ":" + storefront;
    }
}
