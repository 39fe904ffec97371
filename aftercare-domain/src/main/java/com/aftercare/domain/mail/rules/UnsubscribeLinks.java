package com.aftercare.domain.mail.rules;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.shop.ShopProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One-click opt-out links for promotional mail. The token names the customer and is signed, so
 * nobody can opt out someone else; it stays valid for years because a law-abiding opt-out must
 * work from any mail the customer still has.
 */
@Component
public class UnsubscribeLinks {

    /** The purpose the portal checks tokens against. */
    public static final String PURPOSE = "unsubscribe";

    private static final Duration VALIDITY = Duration.ofDays(3660);

    private final SignedTokens tokens;
    private final ShopProperties shop;
    private final Clock clock;

    UnsubscribeLinks(SignedTokens tokens, ShopProperties shop, Clock clock) {
        this.tokens = tokens;
        this.shop = shop;
        this.clock = clock;
    }

    /** The customer a link's token names, if it is intact and was made for opting out. */
    public Optional<CustomerId> customerOf(String token) {
        return tokens.verify(PURPOSE, token).flatMap(subject -> {
            try {
                return Optional.of(new CustomerId(Long.parseLong(subject)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public String urlFor(CustomerId customer) {
        String token = tokens.sign(
                PURPOSE, Long.toString(customer.value()), clock.instant().plus(VALIDITY));
        return shop.publicUrl() + "/portal/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
