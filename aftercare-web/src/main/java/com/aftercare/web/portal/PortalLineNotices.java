package com.aftercare.web.portal;

import com.aftercare.domain.line.LineIdentities;
import com.aftercare.domain.line.LineIdentities.LinkedAccount;
import com.aftercare.domain.order.OrderView;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The LINE account whose notices the customer of a portal order may choose for themselves: one
 * linked to them (they proved an order through the lookup link) at the order's storefront, while
 * that storefront sends notices on LINE. Anyone else has nothing to choose: their notices go by
 * mail whatever they pick.
 */
@Component
class PortalLineNotices {

    private final LineIdentities identities;

    PortalLineNotices(LineIdentities identities) {
        this.identities = identities;
    }

    Optional<LinkedAccount> of(OrderView order) {
        return identities.ofCustomer(order.customer()).stream()
                .filter(account -> account.storefront().equals(order.storefront()))
                .filter(account -> account.linked() && account.storefrontSendsNotices())
                .findFirst();
    }
}
