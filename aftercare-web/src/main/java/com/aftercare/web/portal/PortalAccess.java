package com.aftercare.web.portal;

import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.Claims;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a signed portal link opens: its order, and only the claims of that order. A claim of
 * another order answers exactly like an unknown one, so one customer's link never shows, or
 * even confirms, another's request.
 */
@Component
class PortalAccess {

    private final PortalOrderLinks links;
    private final Orders orders;
    private final Claims claims;

    PortalAccess(PortalOrderLinks links, Orders orders, Claims claims) {
        this.links = links;
        this.orders = orders;
        this.claims = claims;
    }

    /** The link's order; empty for a tampered, expired or other-purpose token. */
    Optional<OrderView> order(String token) {
        return links.orderOf(token).flatMap(orders::find);
    }

    /** The claim when it belongs to the link's order, else {@link NotFound}. */
    ClaimView claim(OrderView order, String rma) {
        return claims.byRma(rma).filter(c -> c.order().equals(order.id())).orElseThrow(() -> NotFound.claim(rma));
    }
}
