package com.aftercare.web.console;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.InquiryQueue;
import com.aftercare.returns.ClaimQueue;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's landing page: today's work at a glance (inquiries overdue or due within the
 * hour, flagged, unassigned, the operator's own; claims waiting in each status), each linking to
 * the list it counts. The inquiry desk, claims and step-mail pages hang off it.
 */
@Controller
class ConsoleHomeController {

    private final Storefronts storefronts;
    private final InquiryQueue inquiries;
    private final ClaimQueue claims;

    ConsoleHomeController(Storefronts storefronts, InquiryQueue inquiries, ClaimQueue claims) {
        this.storefronts = storefronts;
        this.inquiries = inquiries;
        this.claims = claims;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String home(Principal operator, Model model) {
        model.addAttribute("desk", inquiries.summary(operator.getName()));
        model.addAttribute("claimCounts", claims.openCounts());
        model.addAttribute("storefronts", storefronts.all());
        return ConsoleViews.HOME;
    }
}
