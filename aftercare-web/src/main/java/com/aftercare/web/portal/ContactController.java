package com.aftercare.web.portal;

import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact form on the portal: an inquiry on the WEB_FORM channel. An order number is tied to
 * the inquiry only when it matches the email given; otherwise it is dropped without a word, so
 * the form never tells whether an order exists. Throttled with the order lookups.
 */
@Controller
class ContactController {

    /** The inquiry module's field names, as this form names them. */
    private static final Map<String, String> FIELDS =
            Map.of("customer.email", "email", "customer.name", "name", "subject", "subject", "body", "body");

    private final Inquiries inquiries;
    private final Orders orders;
    private final LookupThrottle throttle;

    ContactController(Inquiries inquiries, Orders orders, LookupThrottle throttle) {
        this.inquiries = inquiries;
        this.orders = orders;
        this.throttle = throttle;
    }

    @GetMapping("/portal/contact")
    String form(Model model) {
        model.addAttribute("form", ContactForm.empty());
        return PortalViews.CONTACT;
    }

    @PostMapping("/portal/contact")
    String send(
            @Valid @ModelAttribute("form") ContactForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PortalViews.CONTACT;
        }
        String number = form.orderNumber() == null || form.orderNumber().isBlank()
                ? null
                : form.orderNumber().strip();
        if (!throttle.tryContact(request.getRemoteAddr(), number)) {
            throttle.refuse(response, model);
            return PortalViews.CONTACT;
        }
        Optional<OrderView> order =
                number == null ? Optional.empty() : orders.findByNumberAndContact(number, form.email());
        try {
            Inquiries.Opened opened = inquiries.open(new Inquiries.OpenInquiry(
                    order.map(OrderView::storefront).orElse(null),
                    Channel.WEB_FORM,
                    form.email(),
                    form.name(),
                    null,
                    order.map(OrderView::number).orElse(null),
                    null,
                    null,
                    form.subject(),
                    form.body(),
                    null));
            redirect.addFlashAttribute("reference", opened.reference());
            return "redirect:/portal/contact/thanks";
        } catch (InvalidValue e) {
            String field = FIELDS.get(e.field());
            if (field != null) {
                errors.rejectValue(field, "portal.contact." + field + ".invalid");
            } else {
                errors.reject("portal.claim.refused");
                model.addAttribute("problem", "portal.claim.refused");
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PortalViews.CONTACT;
        }
    }

    @GetMapping("/portal/contact/thanks")
    String thanks() {
        return PortalViews.CONTACT_THANKS;
    }
}
