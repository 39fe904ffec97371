package com.aftercare.web.console.stepmail;

import com.aftercare.domain.mail.MailDeliveries;
import com.aftercare.web.console.ConsoleViews;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Addresses that bounced hard, and clearing one when the customer's mailbox works again. Each
 * clearing is audited in the same transaction.
 */
@Controller
@RequestMapping("/console/stepmail/bounces")
class BouncesController {

    private static final int PAGE = 200;

    private final MailDeliveries deliveries;

    BouncesController(MailDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("bounces", deliveries.bouncing(PAGE));
        return ConsoleViews.STEPMAIL_BOUNCES;
    }

    @PostMapping("/clear")
    String clear(@RequestParam String address, Principal supervisor, RedirectAttributes redirect) {
        boolean cleared = deliveries.clearBounce(address, supervisor.getName());
        redirect.addFlashAttribute(
                cleared ? "notice" : "problem", cleared ? "stepmail.bounces.cleared" : "stepmail.bounces.notBouncing");
        return ConsoleViews.redirect(ScenarioEditorController.HERE + "/bounces");
    }
}
