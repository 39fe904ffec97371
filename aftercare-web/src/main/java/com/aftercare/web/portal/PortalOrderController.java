package com.aftercare.web.portal;

import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailOutbox;
import com.aftercare.domain.mail.OutgoingMail;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.returns.Claims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Find my order" on the customer portal: order number plus the email or phone used for it.
 * A wrong pair gets the same answer whether the order exists or not, lookups are throttled per
 * client and per order number, and success leads to a signed, expiring link (also sent by mail
 * to the order's address) rather than to anything guessable.
 */
@Controller
class PortalOrderController {

    private final Orders orders;
    private final Customers customers;
    private final LookupThrottle throttle;
    private final PortalOrderLinks links;
    private final MailOutbox outbox;
    private final ShopProperties shop;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PortalOffers offers;
    private final Claims claims;

    PortalOrderController(
            Orders orders,
            Customers customers,
            LookupThrottle throttle,
            PortalOrderLinks links,
            MailOutbox outbox,
            ShopProperties shop,
            TransactionTemplate transaction,
            Clock clock,
            PortalOffers offers,
            Claims claims) {
        this.orders = orders;
        this.customers = customers;
        this.throttle = throttle;
        this.links = links;
        this.outbox = outbox;
        this.shop = shop;
        this.transaction = transaction;
        this.clock = clock;
        this.offers = offers;
        this.claims = claims;
    }

    @GetMapping("/portal")
    String form(Model model) {
        model.addAttribute("form", LookupForm.empty());
        return PortalViews.LOOKUP;
    }

    @PostMapping("/portal/lookup")
    String lookup(
            @Valid @ModelAttribute("form") LookupForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PortalViews.LOOKUP;
        }
        String number = form.orderNumber().strip();
        if (!throttle.tryLookup(request.getRemoteAddr(), number)) {
            throttle.refuse(response, model);
            return PortalViews.LOOKUP;
        }
        Optional<OrderView> order = orders.findByNumberAndContact(number, form.contact());
        if (order.isEmpty()) {
            // The same words whether the number exists or the contact is wrong.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", "portal.lookup.notFound");
            return PortalViews.LOOKUP;
        }
        String token = links.tokenFor(order.get().id(), PortalOrderLinks.LOOKUP_VALIDITY);
        mailTheLink(order.get(), token);
        return "redirect:" + links.pathFor(token);
    }

    @GetMapping("/portal/order")
    String order(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<OrderView> order = links.orderOf(token).flatMap(orders::find);
        if (order.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PortalViews.LINK_INVALID;
        }
        model.addAttribute("order", order.get());
        model.addAttribute("token", token);
        model.addAttribute("offers", offers.of(order.get()));
        model.addAttribute("claims", claims.forOrder(order.get().id()));
        return PortalViews.ORDER;
    }

    private void mailTheLink(OrderView order, String token) {
        CustomerView customer = customers.find(order.customer()).orElseThrow();
        String text = customer.name() + " 様\n\n"
                + shop.name() + "のご注文（注文番号 " + order.number() + "）の確認ページへのリンクです。"
                + "\n有効期限は24時間です。\n\n" + links.urlFor(token)
                + "\n\nお心当たりのない場合は、このメールを破棄してください。\n\n" + shop.name() + "\n";
        transaction.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail(
                // one mail per order and minute, however often the page is reloaded
                "portal-access:" + order.id().value() + ":" + clock.instant().getEpochSecond() / 60,
                MailKind.TRANSACTIONAL,
                "portal-access",
                customer.id().value(),
                order.id().value(),
                customer.email().value(),
                "【" + shop.name() + "】ご注文確認ページのご案内（注文番号 " + order.number() + "）",
                text,
                null,
                Map.of(),
                clock.instant())));
    }
}
