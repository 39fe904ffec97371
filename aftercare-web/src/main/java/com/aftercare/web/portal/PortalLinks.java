package com.aftercare.web.portal;

import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.shared.SignedTokens;
import com.aftercare.domain.shop.ShopProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The customer's way back to their order: a signed link that expires, never a guessable id. */
@Component
class PortalLinks {

    static final String PURPOSE = "portal-order";
    static final Duration VALIDITY = Duration.ofHours(24);

    private final SignedTokens tokens;
    private final ShopProperties shop;
    private final Clock clock;

    PortalLinks(SignedTokens tokens, ShopProperties shop, Clock clock) {
        this.tokens = tokens;
        this.shop = shop;
        this.clock = clock;
    }

    String tokenFor(OrderId order) {
        return tokens.sign(
                PURPOSE, Long.toString(order.value()), clock.instant().plus(VALIDITY));
    }

    String pathFor(String token) {
        return "/portal/order?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    String urlFor(String token) {
        return shop.publicUrl() + pathFor(token);
    }

    Optional<OrderId> orderOf(String token) {
        return tokens.verify(PURPOSE, token).flatMap(subject -> {
            try {
                return Optional.of(new OrderId(Long.parseLong(subject)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
