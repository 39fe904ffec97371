package com.aftercare.web.portal;

import com.aftercare.domain.line.LineIdentities;
import com.aftercare.domain.line.LineIdentities.LinkedAccount;
import com.aftercare.domain.line.LineIdentities.NoticeChannel;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.order.PortalOrderLinks;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer chooses on the portal where the storefront's notices reach them, on LINE or by
 * mail, as the rich menu's buttons let them on LINE and an operator on the customer page. Only
 * through the order's signed link, and only for the LINE account {@link PortalLineNotices} offers;
 * audited as the customer's choice ({@code line.notices.chosen}, actor {@code customer}).
 */
@Controller
class PortalNoticesController {

    /** Who the audit trail names for a choice the customer made on the portal. */
    static final String CUSTOMER = "customer";

    private final PortalOrderLinks links;
    private final Orders orders;
    private final PortalLineNotices notices;
    private final PortalOrderPage page;
    private final LineIdentities identities;

    PortalNoticesController(
            PortalOrderLinks links,
            Orders orders,
            PortalLineNotices notices,
            PortalOrderPage page,
            LineIdentities identities) {
        this.links = links;
        this.orders = orders;
        this.notices = notices;
        this.page = page;
        this.identities = identities;
    }

    @PostMapping("/portal/order/notices")
    String choose(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String channel,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        OrderView order = links.orderOf(token).flatMap(orders::find).orElseThrow(PortalLinkInvalid::new);
        Optional<LinkedAccount> account = notices.of(order);
        Optional<NoticeChannel> chosen = Arrays.stream(NoticeChannel.values())
                .filter(c -> c.name().equals(channel))
                .findFirst();
        if (account.isEmpty() || chosen.isEmpty()) {
            // no choice to make here (not linked, or the storefront sends no notices on LINE), or
            // neither of the two the form offers: the page again, saying what to do
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("noticesError", account.isEmpty() ? "portal.notices.none" : "portal.notices.choose");
            return page.show(order, token, model);
        }
        identities.chooseNotices(order.customer(), account.get().id(), chosen.get(), CUSTOMER);
        redirect.addFlashAttribute(
                "notice", "portal.notices.saved." + chosen.get().name());
        return "redirect:" + links.pathFor(token);
    }
}
