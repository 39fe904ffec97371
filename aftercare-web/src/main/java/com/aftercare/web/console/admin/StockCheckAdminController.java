package com.aftercare.web.console.admin;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.StockChecks;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A storefront's stock callback, which the portal and the exchange approval ask (docs/returns.md):
 * its URL, a signing secret made here and shown once (sealed at rest, like the storefront's other
 * secrets), removal, and a test that shows whether the callback answers well. Admins only (the
 * {@code /console/admin} area); {@link StockChecks} audits each change and test as the admin.
 */
@Controller
@RequestMapping("/console/admin/storefronts/{id}/stock-check")
class StockCheckAdminController {

    private final StockChecks stockChecks;
    private final StorefrontSettingsPage page;

    StockCheckAdminController(Storefronts storefronts, StockChecks stockChecks) {
        this.stockChecks = stockChecks;
        this.page = new StorefrontSettingsPage(storefronts, "stock-check", ConsoleViews.ADMIN_STOCK_CHECK, this::fill);
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        return page.show(id, model);
    }

    /** Sets the URL with a new secret; the page shows the secret this once (not in a redirect). */
    @PostMapping
    String configure(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String url,
            Principal admin,
            Model model,
            HttpServletResponse response) {
        StorefrontId storefront = page.storefront(id);
        try {
            StockChecks.Configured configured = stockChecks.configure(storefront, url.strip(), admin.getName());
            model.addAttribute("secret", configured.secret());
            model.addAttribute("notice", "admin.stockCheck.saved");
        } catch (InvalidValue e) {
            model.addAttribute(
                    "urlError", url.isBlank() ? "admin.stockCheck.url.required" : "admin.stockCheck.url.invalid");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("url", url);
        return page.show(id, model);
    }

    @PostMapping("/test")
    String test(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        StockChecks.Probe probe = stockChecks.probe(page.storefront(id), admin.getName());
        // plain values: flash attributes travel in the JDBC session, which serialises them
        redirect.addFlashAttribute("probeAnswered", probe.answered());
        redirect.addFlashAttribute(
                "probeMessage",
                probe.answered()
                        ? "admin.stockCheck.probe.answered"
                        : probe.configured() ? "admin.stockCheck.probe.failed" : "admin.stockCheck.none");
        redirect.addFlashAttribute("probeProblem", probe.problem());
        return page.back(id);
    }

    @PostMapping("/remove")
    String remove(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        stockChecks.remove(page.storefront(id), admin.getName());
        return page.back(id, redirect, "admin.stockCheck.removed");
    }

    /** The URL field shows what was just sent, else nothing (the saved one is shown beside it). */
    private void fill(Storefronts.StorefrontView storefront, Model model) {
        model.addAttribute("endpoint", stockChecks.endpoint(storefront.id()).orElse(null));
        StorefrontSettingsPage.offer(model, "url", () -> "");
    }
}
