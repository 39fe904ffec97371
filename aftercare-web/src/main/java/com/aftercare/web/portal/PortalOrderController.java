package com.aftercare.web.portal;

import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.line.LineLinks;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.inquiry.LineCustomerLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Find my order" on the customer portal: order number plus the email or phone used for it.
 * A wrong pair gets the same answer whether the order exists or not, lookups are throttled per
 * client and per order number, and success leads to a signed, expiring link (also sent by mail
 * to the order's address) rather than to anything guessable. Opened from a link an operator sent
 * on LINE, the lookup also makes that LINE user the order's customer ({@link LineCustomerLinks}).
 */
@Controller
class PortalOrderController {

    private final Orders orders;
    private final Customers customers;
    private final LookupThrottle throttle;
    private final PortalOrderLinks links;
    private final PortalAccessMail accessMail;
    private final PortalOrderPage page;
    private final LineLinks lineLinks;
    private final LineCustomerLinks lineCustomers;

    PortalOrderController(
            Orders orders,
            Customers customers,
            LookupThrottle throttle,
            PortalOrderLinks links,
            PortalAccessMail accessMail,
            PortalOrderPage page,
            LineLinks lineLinks,
            LineCustomerLinks lineCustomers) {
        this.orders = orders;
        this.customers = customers;
        this.throttle = throttle;
        this.links = links;
        this.accessMail = accessMail;
        this.page = page;
        this.lineLinks = lineLinks;
        this.lineCustomers = lineCustomers;
    }

    /** With {@code line}: opened from the link an operator sent on LINE (said at once when it no longer works). */
    @GetMapping("/portal")
    String form(@RequestParam(required = false) String line, Model model) {
        if (line != null && !lineLinks.usable(line)) {
            model.addAttribute("problem", "portal.line.invalid");
            line = null;
        }
        LookupForm form = line == null ? LookupForm.empty() : LookupForm.fromLine(line);
        model.addAttribute("form", form);
        model.addAttribute("fromLine", form.fromLine());
        return PortalViews.LOOKUP;
    }

    @PostMapping("/portal/lookup")
    String lookup(
            @Valid @ModelAttribute("form") LookupForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("fromLine", form.fromLine());
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
        accessMail.send(order.get(), customers.find(order.get().customer()).orElseThrow(), token);
        if (form.fromLine()) {
            OrderView found = order.get();
            boolean linked = lineCustomers
                    .link(
                            form.line(),
                            new LineCustomerLinks.FoundOrder(
                                    found.id(), found.number(), found.customer(), found.storefront()))
                    .isPresent();
            redirect.addFlashAttribute(
                    linked ? "notice" : "problem", linked ? "portal.line.linked" : "portal.line.invalid");
        }
        return "redirect:" + links.pathFor(token);
    }

    @GetMapping("/portal/order")
    String order(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<OrderView> order = links.orderOf(token).flatMap(orders::find);
        if (order.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PortalViews.LINK_INVALID;
        }
        return page.show(order.get(), token, model);
    }
}
