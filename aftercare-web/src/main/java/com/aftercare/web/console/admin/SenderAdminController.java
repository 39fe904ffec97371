package com.aftercare.web.console.admin;

import com.aftercare.domain.mail.MailSender;
import com.aftercare.domain.mail.MailSenders;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A storefront's own sender (admins): the From, Reply-To and signature of its mails, and its own
 * SMTP relay with the recipient domains it carries. {@link MailSenders} checks and audits.
 */
@Controller
@RequestMapping("/console/admin/storefronts/{id}/sender")
class SenderAdminController {

    private static final String FORM = "sender";

    private final MailSenders senders;
    private final StorefrontSettingsPage page;

    SenderAdminController(MailSenders senders, Storefronts storefronts) {
        this.senders = senders;
        this.page = new StorefrontSettingsPage(storefronts, "sender", ConsoleViews.ADMIN_SENDER, this::fill);
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        return page.show(id, model);
    }

    @PostMapping
    String save(
            @PathVariable long id,
            @ModelAttribute(FORM) SenderForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return page.submit(id, errors, model, response, redirect, storefront -> {
            // toChange refuses a port that is no number: inside the submission, so it lands at its field
            senders.save(storefront, form.toChange(), admin.getName());
            return "admin.sender.saved";
        });
    }

    @PostMapping("/remove")
    String remove(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        boolean removed = senders.remove(page.storefront(id), admin.getName());
        return page.back(id, redirect, removed ? "admin.sender.removed" : "admin.sender.none");
    }

    private void fill(Storefronts.StorefrontView storefront, Model model) {
        Optional<MailSender> saved = senders.find(storefront.id());
        model.addAttribute("saved", saved.orElse(null));
        StorefrontSettingsPage.offer(
                model, FORM, () -> saved.map(SenderForm::of).orElseGet(SenderForm::empty));
    }
}
