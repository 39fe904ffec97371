package com.aftercare.domain.line;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.line.LineIdentities.LineIdentity;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links that let a LINE user prove an order of theirs: the portal's order lookup, opened from a
 * link sent to them on LINE, attaches their LINE identity to the customer of the order they found
 * (order number plus the email or phone of the order, as the portal always asks). Nothing is
 * guessed from a display name. The link is signed and expires ({@link SignedTokens}, purpose
 * {@value #PURPOSE}); its nonce is a row of {@code line_link_token}, so it links once: a second
 * use, a forged or changed token and an expired one link nothing.
 */
@Service
public class LineLinks {

    static final String PURPOSE = "line-link";
    /** Long enough for a customer who reads LINE in the evening to find the order mail. */
    public static final Duration VALIDITY = Duration.ofDays(3);

    private final SignedTokens tokens;
    private final JdbcClient jdbc;
    private final LineIdentities identities;
    private final ShopProperties shop;
    private final Clock clock;

    LineLinks(SignedTokens tokens, JdbcClient jdbc, LineIdentities identities, ShopProperties shop, Clock clock) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.identities = identities;
        this.shop = shop;
        this.clock = clock;
    }

    /** A new link for LINE identity {@code identity}: the portal's lookup address carrying the token. */
    @Transactional
    public String issue(long identity, String by) {
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        UUID nonce = UUID.randomUUID();
        jdbc.sql("""
                        insert into line_link_token (nonce, identity_id, expires_at, created_at, created_by)
                        values (:nonce, :identity, :expires, :now, :by)
                        """)
                .param("nonce", nonce)
                .param("identity", identity)
                .param("expires", Timestamp.from(expires))
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
        String token = tokens.sign(PURPOSE, nonce.toString(), expires);
        return shop.publicUrl() + "/portal?line=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Whether the token is intact, unexpired and unused (the portal says so before the lookup). */
    @Transactional(readOnly = true)
    public boolean usable(String token) {
        return nonce(token)
                .flatMap(nonce -> jdbc.sql(
                                "select identity_id from line_link_token where nonce = :nonce and used_at is null")
                        .param("nonce", nonce)
                        .query(Long.class)
                        .optional())
                .isPresent();
    }

    /**
     * Uses the token: the identity now belongs to {@code customer}. Only a token of a LINE user of
     * the order's own storefront links (LINE gives each provider its own userId). Joins the
     * caller's transaction; the row lock makes two lookups at once link once.
     *
     * @return the identity as it was before (its LINE-only customer), or empty when nothing was linked
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LineIdentity> redeem(String token, StorefrontId storefront, CustomerId customer) {
        Instant now = clock.instant();
        return nonce(token)
                .flatMap(nonce -> jdbc.sql("""
                                update line_link_token set used_at = :now
                                 where nonce = :nonce and used_at is null and expires_at > :now
                                returning identity_id
                                """)
                        .param("now", Timestamp.from(now))
                        .param("nonce", nonce)
                        .query(Long.class)
                        .optional())
                .flatMap(identities::find)
                .filter(identity -> identity.storefront().equals(storefront))
                .map(identity -> {
                    identities.linkTo(identity.id(), customer, now);
                    return identity;
                });
    }

    private Optional<UUID> nonce(String token) {
        return tokens.verify(PURPOSE, token).flatMap(subject -> {
            try {
                return Optional.of(UUID.fromString(subject));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
