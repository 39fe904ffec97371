package com.aftercare.web.portal;

import com.aftercare.domain.order.OrderView;
import com.aftercare.returns.Claims;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The portal's order page, filled the same way for its link and for a form on it sent back with an error. */
@Component
class PortalOrderPage {

    private final PortalOffers offers;
    private final Claims claims;
    private final PortalLineNotices lineNotices;

    PortalOrderPage(PortalOffers offers, Claims claims, PortalLineNotices lineNotices) {
        this.offers = offers;
        this.claims = claims;
        this.lineNotices = lineNotices;
    }

    String show(OrderView order, String token, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("token", token);
        model.addAttribute("offers", offers.of(order));
        model.addAttribute("claims", claims.forOrder(order.id()));
        model.addAttribute("lineAccount", lineNotices.of(order).orElse(null));
        return PortalViews.ORDER;
    }
}
