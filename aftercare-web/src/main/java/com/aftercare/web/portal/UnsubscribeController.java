package com.aftercare.web.portal;

import com.aftercare.domain.consent.MarketingConsent;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.Mails;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The opt-out of promotional mail (特定電子メール法): no login, effective at once. GET only shows
 * a confirmation (mail scanners open links, and a GET must not change anything); POST opts out,
 * from the page's button or from a mailbox's one-click button (RFC 8058), which is why this path
 * takes no CSRF token: the signed token in the link is the proof.
 */
@Controller
@RequestMapping("/portal/unsubscribe")
class UnsubscribeController {

    private final Mails mails;
    private final Customers customers;
    private final MarketingConsent consent;
    private final Clock clock;

    UnsubscribeController(Mails mails, Customers customers, MarketingConsent consent, Clock clock) {
        this.mails = mails;
        this.customers = customers;
        this.consent = consent;
        this.clock = clock;
    }

    @GetMapping
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<CustomerView> customer = customerOf(token);
        if (customer.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PortalViews.LINK_INVALID;
        }
        model.addAttribute("token", token);
        model.addAttribute("maskedEmail", customer.get().maskedEmail());
        return PortalViews.UNSUBSCRIBE;
    }

    @PostMapping
    String unsubscribe(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<CustomerView> customer = customerOf(token);
        if (customer.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return PortalViews.LINK_INVALID;
        }
        consent.withdraw(customer.get().id(), clock.instant(), "unsubscribe link");
        model.addAttribute("maskedEmail", customer.get().maskedEmail());
        return PortalViews.UNSUBSCRIBED;
    }

    private Optional<CustomerView> customerOf(String token) {
        return mails.optOutCustomer(token).flatMap(customers::find);
    }
}
