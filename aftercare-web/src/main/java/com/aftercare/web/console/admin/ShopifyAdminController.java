package com.aftercare.web.console.admin;

import com.aftercare.domain.order.PaymentMethod;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.shopify.ShopifyConnections;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleForms;
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

    private final Storefronts storefronts;
    private final ShopifyConnections connections;
    private final ShopProperties shop;

    ShopifyAdminController(Storefronts storefronts, ShopifyConnections connections, ShopProperties shop) {
        this.storefronts = storefronts;
        this.connections = connections;
        this.shop = shop;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        StorefrontId storefront = storefront(id);
        model.addAttribute(SECRET_FORM, ShopifySecretForm.empty());
        model.addAttribute(
                GATEWAYS_FORM,
                ShopifyGatewaysForm.of(connections.settings(storefront).gateways()));
        return fill(id, model);
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
        StorefrontId storefront = storefront(id);
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    connections.saveSecret(storefront, form.secret(), admin.getName());
                    redirect.addFlashAttribute("notice", "admin.shopify.secret.saved");
                    return ConsoleViews.redirect(here(id));
                },
                () -> {
                    model.addAttribute(
                            GATEWAYS_FORM,
                            ShopifyGatewaysForm.of(
                                    connections.settings(storefront).gateways()));
                    return fill(id, model);
                });
    }

    @PostMapping("/disconnect")
    String disconnect(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        connections.disconnect(storefront(id), admin.getName());
        redirect.addFlashAttribute("notice", "admin.shopify.disconnected");
        return ConsoleViews.redirect(here(id));
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
        StorefrontId storefront = storefront(id);
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    connections.saveGateways(storefront, form.mapping(), admin.getName());
                    redirect.addFlashAttribute("notice", "admin.shopify.gateways.saved");
                    return ConsoleViews.redirect(here(id));
                },
                () -> {
                    model.addAttribute(SECRET_FORM, ShopifySecretForm.empty());
                    return fill(id, model);
                });
    }

    private String fill(long id, Model model) {
        Storefronts.StorefrontView view = storefronts.get(new StorefrontId(id));
        StorefrontId storefront = view.id();
        model.addAttribute("storefront", view);
        model.addAttribute("settings", connections.settings(storefront));
        model.addAttribute("webhookUrl", shop.publicUrl() + "/api/v1/webhooks/shopify/" + view.code());
        model.addAttribute("paymentMethods", PaymentMethod.names());
        return ConsoleViews.ADMIN_SHOPIFY;
    }

    private StorefrontId storefront(long id) {
        return storefronts.get(new StorefrontId(id)).id();
    }

    private static String here(long id) {
        return "/console/admin/storefronts/" + id + "/shopify";
    }
}
