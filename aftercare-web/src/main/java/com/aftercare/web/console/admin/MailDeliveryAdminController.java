package com.aftercare.web.console.admin;

import com.aftercare.domain.mail.MailDeliveries;
import com.aftercare.domain.mail.MailDelivery;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.CsvDownload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The delivery log: mails the dispatcher would not decide on alone (UNKNOWN: the connection broke
 * after the message may have been accepted; FAILED: refused or out of attempts), and the rest by
 * state. An admin releases, retries or drops them; every decision is audited.
 */
@Controller
@RequestMapping("/console/admin/mail")
class MailDeliveryAdminController {

    private static final String HERE = "/console/admin/mail";
    private static final int PAGE = 50;
    /** The states shown as tabs, the ones that need a person first. */
    static final List<String> TABS = List.of("UNKNOWN", "FAILED", "PENDING", "SENT", "CANCELLED");

    private static final List<String> COLUMNS = List.of(
            "admin.mail.due",
            "admin.mail.to",
            "admin.mail.subject",
            "admin.mail.template",
            "csv.mail.kind",
            "csv.mail.state",
            "admin.mail.attempts",
            "admin.mail.error",
            "csv.mail.sentAt");

    private final MailDeliveries deliveries;
    private final CsvDownload csv;

    MailDeliveryAdminController(MailDeliveries deliveries, CsvDownload csv) {
        this.deliveries = deliveries;
        this.csv = csv;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "UNKNOWN") String state,
            @RequestParam(required = false) Long before,
            Model model) {
        String shown = tab(state);
        List<MailDelivery> entries = deliveries.list(Set.of(shown), before, PAGE);
        model.addAttribute("tabs", TABS);
        model.addAttribute("state", shown);
        model.addAttribute("entries", entries);
        model.addAttribute(
                "next", entries.size() == PAGE ? entries.get(entries.size() - 1).id() : null);
        return ConsoleViews.ADMIN_MAIL;
    }

    /**
     * One tab of the log as a CSV file, all of it: step mails, thank-you mails, newsletters and
     * replies as they went out or did not.
     */
    @GetMapping("/export")
    void export(
            @RequestParam(defaultValue = "UNKNOWN") String state,
            Principal admin,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String shown = tab(state);
        csv.send(
                new CsvDownload.Export("mail", COLUMNS, Map.of("state", shown)),
                admin,
                request,
                response,
                sheet -> deliveries.each(
                        Set.of(shown),
                        m -> sheet.row(
                                m.dueAt(),
                                m.to(),
                                m.subject(),
                                m.template(),
                                m.kind(),
                                sheet.message("admin.mail.state." + m.status()),
                                m.attempts(),
                                m.lastError(),
                                m.sentAt())));
    }

    private static String tab(String state) {
        return TABS.contains(state) ? state : "UNKNOWN";
    }

    @PostMapping("/{id}/release")
    String release(@PathVariable long id, @RequestParam String state, Principal admin, RedirectAttributes redirect) {
        return act(deliveries.release(id, admin.getName()), state, redirect);
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, @RequestParam String state, Principal admin, RedirectAttributes redirect) {
        return act(deliveries.retry(id, admin.getName()), state, redirect);
    }

    @PostMapping("/{id}/drop")
    String drop(@PathVariable long id, @RequestParam String state, Principal admin, RedirectAttributes redirect) {
        return act(deliveries.drop(id, admin.getName()), state, redirect);
    }

    /** Back to the tab, saying whether the decision was made or someone else acted first. */
    private String act(boolean done, String state, RedirectAttributes redirect) {
        if (done) {
            redirect.addFlashAttribute("notice", "admin.mail.changed");
        } else {
            redirect.addFlashAttribute("problem", "admin.mail.notApplicable");
        }
        return ConsoleViews.redirect(HERE + "?state=" + tab(state));
    }
}
