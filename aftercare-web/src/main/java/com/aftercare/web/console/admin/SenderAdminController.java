package com.aftercare.web.console.admin;

import com.aftercare.domain.mail.MailSender;
import com.aftercare.domain.mail.MailSenders;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleForms;
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
    private final Storefronts storefronts;

    SenderAdminController(MailSenders senders, Storefronts storefronts) {
        this.senders = senders;
        this.storefronts = storefronts;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        Optional<MailSender> sender = senders.find(storefront(id));
        model.addAttribute(FORM, sender.map(SenderForm::of).orElseGet(SenderForm::empty));
        return page(id, sender, model);
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
        StorefrontId storefront = storefront(id);
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    // toChange refuses a port that is no number: inside the submission, so it lands at its field
                    senders.save(storefront, form.toChange(), admin.getName());
                    redirect.addFlashAttribute("notice", "admin.sender.saved");
                    return ConsoleViews.redirect(path(id));
                },
                () -> page(id, senders.find(storefront), model));
    }

    @PostMapping("/remove")
    String remove(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        boolean removed = senders.remove(storefront(id), admin.getName());
        redirect.addFlashAttribute("notice", removed ? "admin.sender.removed" : "admin.sender.none");
        return ConsoleViews.redirect(path(id));
    }

    private String page(long id, Optional<MailSender> saved, Model model) {
        model.addAttribute("storefront", storefronts.find(new StorefrontId(id)).orElseThrow());
        model.addAttribute("saved", saved.orElse(null));
        return ConsoleViews.ADMIN_SENDER;
    }

    private StorefrontId storefront(long id) {
        return storefronts.get(new StorefrontId(id)).id();
    }

    private static String path(long id) {
        return "/console/admin/storefronts/" + id + "/sender";
    }
}
