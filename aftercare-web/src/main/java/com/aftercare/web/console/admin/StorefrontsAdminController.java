package com.aftercare.web.console.admin;

import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Storefronts and their API keys. A key's secret exists only in the answer to "issue": the page
 * shows it once and the database keeps only its hash. {@link Storefronts} audits every change
 * (never the secret).
 */
@Controller
@RequestMapping("/console/admin/storefronts")
class StorefrontsAdminController {

    private static final String FORM = "newStorefront";
    private static final String HERE = "/console/admin/storefronts";

    private final Storefronts storefronts;

    StorefrontsAdminController(Storefronts storefronts) {
        this.storefronts = storefronts;
    }

    /** A storefront with its keys, newest key first. */
    record StorefrontKeys(Storefronts.StorefrontView storefront, List<Storefronts.ApiKeyView> keys) {}

    @GetMapping
    String list(Model model) {
        model.addAttribute(FORM, NewStorefrontForm.empty());
        return fill(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute(FORM) NewStorefrontForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    storefronts.create(form.code(), form.name().strip(), admin.getName());
                    redirect.addFlashAttribute("notice", "admin.storefronts.created");
                    return ConsoleViews.redirect(HERE);
                },
                () -> fill(model));
    }

    @PostMapping("/{id}/keys")
    String issueKey(
            @PathVariable long id,
            @Valid @ModelAttribute("newKey") NewKeyForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            RedirectAttributes redirect) {
        Storefronts.StorefrontView storefront = storefronts.get(new StorefrontId(id));
        if (errors.hasErrors()) {
            return backToList(redirect, "problem", "admin.keys.badLabel");
        }
        Storefronts.IssuedKey issued = storefronts.issueKey(storefront.id(), form.labelOrDefault(), admin.getName());
        model.addAttribute("storefront", storefront);
        model.addAttribute("secret", issued.secret());
        return ConsoleViews.ADMIN_KEY_ISSUED;
    }

    /** Sets the shop's site and logo the customer portal shows for this storefront. */
    @PostMapping("/{id}/brand")
    String brand(
            @PathVariable long id,
            @Valid @ModelAttribute("brand") StorefrontBrandForm form,
            BindingResult errors,
            Principal admin,
            RedirectAttributes redirect) {
        Storefronts.StorefrontView storefront = storefronts.get(new StorefrontId(id));
        if (errors.hasErrors()) {
            return backToList(redirect, "problem", "admin.storefronts.brand.invalid");
        }
        storefronts.brand(storefront.id(), form.siteUrl(), form.logoUrl(), admin.getName());
        return backToList(redirect, "notice", "admin.storefronts.brand.saved");
    }

    /**
     * The address of the "key issued" page, reloaded or re-opened (a language switch): the secret
     * is gone for good, so back to the list.
     */
    @GetMapping("/{id}/keys")
    String afterIssue(@PathVariable long id) {
        return ConsoleViews.redirect(HERE);
    }

    /**
     * Revokes a key. From htmx the answer is the key's new table row; from a plain form post, the
     * page again.
     */
    @PostMapping("/keys/{keyId}/revoke")
    String revokeKey(
            @PathVariable long keyId,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Principal admin,
            Model model,
            RedirectAttributes redirect) {
        Storefronts.ApiKeyView key = storefronts.revokeKey(keyId, admin.getName());
        if ("true".equals(htmx)) {
            model.addAttribute("key", key);
            return ConsoleViews.ADMIN_KEY_ROW;
        }
        redirect.addFlashAttribute("notice", "admin.keys.revoked");
        return ConsoleViews.redirect(HERE);
    }

    /** Back to the list with a notice or a problem (a flash attribute holding its message key). */
    private static String backToList(RedirectAttributes redirect, String kind, String messageKey) {
        redirect.addFlashAttribute(kind, messageKey);
        return ConsoleViews.redirect(HERE);
    }

    private String fill(Model model) {
        model.addAttribute(
                "storefronts",
                storefronts.all().stream()
                        .map(s -> new StorefrontKeys(s, storefronts.keysOf(s.id())))
                        .toList());
        return ConsoleViews.ADMIN_STOREFRONTS;
    }
}
