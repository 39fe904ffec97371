package com.aftercare.web.console.admin;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.domain.webhook.WebhookDeliveries;
import com.aftercare.domain.webhook.WebhookEvent;
import com.aftercare.domain.webhook.WebhookSubscriptions;
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
    private final StorefrontSettingsPage page;

    WebhooksAdminController(
            WebhookSubscriptions subscriptions,
            WebhookDeliveries deliveries,
            WebhookAllowedHosts allowedHosts,
            Storefronts storefronts) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.allowedHosts = allowedHosts;
        this.page = new StorefrontSettingsPage(storefronts, "webhooks", ConsoleViews.ADMIN_WEBHOOKS, this::fill);
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        return page.show(id, model);
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
        return page.submit(id, errors, model, response, redirect, storefront -> {
            WebhookSubscriptions.Created created =
                    subscriptions.subscribe(storefront, form.url(), form.events(), admin.getName());
            // shown once, on the next page only
            redirect.addFlashAttribute("secret", created.secret());
            return "admin.webhooks.created";
        });
    }

    @PostMapping("/{subscription}/delete")
    String delete(
            @PathVariable long id, @PathVariable long subscription, Principal admin, RedirectAttributes redirect) {
        subscriptions.delete(page.storefront(id), subscription, admin.getName());
        return page.back(id, redirect, "admin.webhooks.deleted");
    }

    @PostMapping("/deliveries/{delivery}/resend")
    String resend(@PathVariable long id, @PathVariable long delivery, Principal admin, RedirectAttributes redirect) {
        try {
            deliveries.resend(page.storefront(id), delivery, admin.getName());
            return page.back(id, redirect, "admin.webhooks.resent");
        } catch (InvalidValue e) {
            return page.back(id, redirect, "admin.webhooks.notResent");
        }
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
        page.storefront(id);
        try {
            change.run();
            return page.back(id, redirect, done);
        } catch (InvalidValue e) {
            return page.back(id, redirect, "admin.webhooks.hostRefused");
        }
    }

    private void fill(Storefronts.StorefrontView storefront, Model model) {
        StorefrontSettingsPage.offer(model, FORM, WebhookSubscriptionForm::empty);
        model.addAttribute("subscriptions", subscriptions.of(storefront.id()));
        model.addAttribute("deliveries", deliveries.recent(storefront.id(), DELIVERIES_SHOWN));
        model.addAttribute("allowedHosts", allowedHosts.list());
        model.addAttribute("eventNames", WebhookEvent.wireNames());
    }
}
