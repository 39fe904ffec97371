package com.aftercare.web.console.admin;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.domain.webhook.WebhookDeliveries;
import com.aftercare.domain.webhook.WebhookEvent;
import com.aftercare.domain.webhook.WebhookSubscriptions;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A storefront's outgoing webhooks (admins): its subscriptions (create, delete; the signing
 * secret shown once), the latest deliveries with their status, attempts and the receiver's last
 * answer, a resend button, and the hosts allowed to be private or plain http. The facades check
 * and audit.
 */
@Controller
@RequestMapping("/console/admin/storefronts/{id}/webhooks")
class WebhooksAdminController {

    private static final String FORM = "subscription";
    private static final int DELIVERIES_SHOWN = 100;

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookAllowedHosts allowedHosts;
    private final Storefronts storefronts;

    WebhooksAdminController(
            WebhookSubscriptions subscriptions,
            WebhookDeliveries deliveries,
            WebhookAllowedHosts allowedHosts,
            Storefronts storefronts) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.allowedHosts = allowedHosts;
        this.storefronts = storefronts;
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        model.addAttribute(FORM, WebhookSubscriptionForm.empty());
        return page(id, model);
    }

    @PostMapping
    String subscribe(
            @PathVariable long id,
            @ModelAttribute(FORM) WebhookSubscriptionForm form,
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
                    WebhookSubscriptions.Created created =
                            subscriptions.subscribe(storefront, form.url(), form.events(), admin.getName());
                    redirect.addFlashAttribute("notice", "admin.webhooks.created");
                    // shown once, on the next page only
                    redirect.addFlashAttribute("secret", created.secret());
                    return ConsoleViews.redirect(path(id));
                },
                () -> page(id, model));
    }

    @PostMapping("/{subscription}/delete")
    String delete(
            @PathVariable long id, @PathVariable long subscription, Principal admin, RedirectAttributes redirect) {
        subscriptions.delete(storefront(id), subscription, admin.getName());
        redirect.addFlashAttribute("notice", "admin.webhooks.deleted");
        return ConsoleViews.redirect(path(id));
    }

    @PostMapping("/deliveries/{delivery}/resend")
    String resend(@PathVariable long id, @PathVariable long delivery, Principal admin, RedirectAttributes redirect) {
        try {
            deliveries.resend(storefront(id), delivery, admin.getName());
            redirect.addFlashAttribute("notice", "admin.webhooks.resent");
        } catch (InvalidValue e) {
            redirect.addFlashAttribute("notice", "admin.webhooks.notResent");
        }
        return ConsoleViews.redirect(path(id));
    }

    @PostMapping("/allowed-hosts")
    String allowHost(@PathVariable long id, @RequestParam String host, Principal admin, RedirectAttributes redirect) {
        return changeHosts(id, () -> allowedHosts.add(host, admin.getName()), "admin.webhooks.hostAdded", redirect);
    }

    @PostMapping("/allowed-hosts/remove")
    String removeHost(@PathVariable long id, @RequestParam String host, Principal admin, RedirectAttributes redirect) {
        return changeHosts(
                id, () -> allowedHosts.remove(host, admin.getName()), "admin.webhooks.hostRemoved", redirect);
    }

    /** The allowed list is the shop's, edited from any storefront's page, which it returns to. */
    private String changeHosts(long id, Runnable change, String done, RedirectAttributes redirect) {
        storefront(id);
        try {
            change.run();
            redirect.addFlashAttribute("notice", done);
        } catch (InvalidValue e) {
            redirect.addFlashAttribute("notice", "admin.webhooks.hostRefused");
        }
        return ConsoleViews.redirect(path(id));
    }

    private String page(long id, Model model) {
        StorefrontId storefront = storefront(id);
        model.addAttribute("storefront", storefronts.find(storefront).orElseThrow());
        model.addAttribute("subscriptions", subscriptions.of(storefront));
        model.addAttribute("deliveries", deliveries.recent(storefront, DELIVERIES_SHOWN));
        model.addAttribute("allowedHosts", allowedHosts.list());
        model.addAttribute("eventNames", WebhookEvent.wireNames());
        return ConsoleViews.ADMIN_WEBHOOKS;
    }

    private StorefrontId storefront(long id) {
        return storefronts.get(new StorefrontId(id)).id();
    }

    private static String path(long id) {
        return "/console/admin/storefronts/" + id + "/webhooks";
    }
}
