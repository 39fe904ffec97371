package com.aftercare.domain.order;

import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.shop.ShopProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The customer's way back to their order in the portal: a signed link that expires, never a
 * guessable id. The portal's lookup mails one valid for a day; step mail ("anything wrong?")
 * carries one valid for {@link #MAIL_VALIDITY}, rendered when the mail is sent.
 */
@Component
public class PortalOrderLinks {

    public static final String PURPOSE = "portal-order";
    /** A link asked for on the portal's lookup page. */
    public static final Duration LOOKUP_VALIDITY = Duration.ofHours(24);
    /** A link in a follow-up mail: long enough to cover a return window read late. */
    public static final Duration MAIL_VALIDITY = Duration.ofDays(30);

    private final SignedTokens tokens;
    private final ShopProperties shop;
    private final Clock clock;

    PortalOrderLinks(SignedTokens tokens, ShopProperties shop, Clock clock) {
        this.tokens = tokens;
        this.shop = shop;
        this.clock = clock;
    }

    public String tokenFor(OrderId order, Duration validity) {
        return tokens.sign(
                PURPOSE, Long.toString(order.value()), clock.instant().plus(validity));
    }

    public String pathFor(String token) {
        return "/portal/order?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public String urlFor(String token) {
        return shop.publicUrl() + pathFor(token);
    }

    /** The order page link a follow-up mail carries. */
    public String mailUrlFor(OrderId order) {
        return urlFor(tokenFor(order, MAIL_VALIDITY));
    }

    public Optional<OrderId> orderOf(String token) {
        return tokens.verify(PURPOSE, token).flatMap(subject -> {
            try {
                return Optional.of(new OrderId(Long.parseLong(subject)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
