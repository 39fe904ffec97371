package com.aftercare.web.console.admin;

import com.aftercare.domain.order.PaymentMethod;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.shopify.ShopifyConnections;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
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
 * A storefront's connection to its Shopify store: the address to give Shopify, the secret
 * Shopify signs webhooks with (stored encrypted, shown only by its last four characters), and
 * how the store's payment gateways map to our payment methods. {@link ShopifyConnections} audits
 * every change as the acting admin.
 */
@Controller
@RequestMapping("/console/admin/storefronts/{id}/shopify")
class ShopifyAdminController {

    private static final String SECRET_FORM = "secretForm";
    private static final String GATEWAYS_FORM = "gatewaysForm";

    private final ShopifyConnections connections;
    private final ShopProperties shop;
    private final StorefrontSettingsPage page;

    ShopifyAdminController(Storefronts storefronts, ShopifyConnections connections, ShopProperties shop) {
        this.connections = connections;
        this.shop = shop;
        this.page = new StorefrontSettingsPage(storefronts, "shopify", ConsoleViews.ADMIN_SHOPIFY, this::fill);
    }

    @GetMapping
    String show(@PathVariable long id, Model model) {
        return page.show(id, model);
    }

    @PostMapping("/secret")
    String saveSecret(
            @PathVariable long id,
            @Valid @ModelAttribute(SECRET_FORM) ShopifySecretForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return page.submit(id, errors, model, response, redirect, storefront -> {
            connections.saveSecret(storefront, form.secret(), admin.getName());
            return "admin.shopify.secret.saved";
        });
    }

    @PostMapping("/disconnect")
    String disconnect(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        connections.disconnect(page.storefront(id), admin.getName());
        return page.back(id, redirect, "admin.shopify.disconnected");
    }

    @PostMapping("/gateways")
    String saveGateways(
            @PathVariable long id,
            @ModelAttribute(GATEWAYS_FORM) ShopifyGatewaysForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return page.submit(id, errors, model, response, redirect, storefront -> {
            connections.saveGateways(storefront, form.mapping(), admin.getName());
            return "admin.shopify.gateways.saved";
        });
    }

    private void fill(Storefronts.StorefrontView storefront, Model model) {
        ShopifyConnections.Settings settings = connections.settings(storefront.id());
        model.addAttribute("settings", settings);
        StorefrontSettingsPage.offer(model, SECRET_FORM, ShopifySecretForm::empty);
        StorefrontSettingsPage.offer(model, GATEWAYS_FORM, () -> ShopifyGatewaysForm.of(settings.gateways()));
        model.addAttribute("webhookUrl", shop.publicUrl() + "/api/v1/webhooks/shopify/" + storefront.code());
        model.addAttribute("paymentMethods", PaymentMethod.names());
    }
}
