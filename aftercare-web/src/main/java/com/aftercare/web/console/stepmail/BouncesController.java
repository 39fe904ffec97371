package com.aftercare.web.console.stepmail;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.mail.MailSuppressions;
import com.aftercare.web.console.ConsoleViews;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
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

    private final MailSuppressions suppressions;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    BouncesController(MailSuppressions suppressions, AuditLog audit, TransactionTemplate transaction) {
        this.suppressions = suppressions;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("bounces", suppressions.bouncing(PAGE));
        return ConsoleViews.STEPMAIL_BOUNCES;
    }

    @PostMapping("/clear")
    String clear(@RequestParam String address, Principal supervisor, RedirectAttributes redirect) {
        Boolean cleared = transaction.execute(status -> {
            boolean done = suppressions.clear(address, supervisor.getName());
            if (done) {
                audit.record(supervisor.getName(), "mail.bounce.cleared", "mail_suppression", address, Map.of());
            }
            return done;
        });
        redirect.addFlashAttribute(
                Boolean.TRUE.equals(cleared) ? "notice" : "problem",
                Boolean.TRUE.equals(cleared) ? "stepmail.bounces.cleared" : "stepmail.bounces.notBouncing");
        return ConsoleViews.redirect(ScenarioEditorController.HERE + "/bounces");
    }
}
