package com.aftercare.web.console.admin;

import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shape every settings page of one storefront shares ({@code
 * /console/admin/storefronts/{id}/<area>}: LINE, Shopify, webhooks, sender, stock check), so that
 * each controller says only what its page shows and what its forms change. The storefront the
 * path names is looked up first, so an unknown one is a 404 whatever was posted; a form goes
 * through {@link ConsoleForms}: saved, back to the page with a notice; refused, the page again
 * with 400, the refused form keeping its input and field errors while the page's other forms are
 * shown fresh.
 */
final class StorefrontSettingsPage {

    private final Storefronts storefronts;
    private final String area;
    private final String view;
    private final BiConsumer<Storefronts.StorefrontView, Model> fill;

    /**
     * @param area the last part of the page's path ({@code line}, {@code stock-check})
     * @param view the page's view name (one of {@link ConsoleViews})
     * @param fill puts what the page shows of this storefront in the model, besides the storefront
     */
    StorefrontSettingsPage(
            Storefronts storefronts, String area, String view, BiConsumer<Storefronts.StorefrontView, Model> fill) {
        this.storefronts = storefronts;
        this.area = area;
        this.view = view;
        this.fill = fill;
    }

    /** The storefront the path names; an unknown id is {@code NotFound} (a 404). */
    StorefrontId storefront(long id) {
        return storefronts.get(new StorefrontId(id)).id();
    }

    /** The page, with the storefront and what {@code fill} adds. */
    String show(long id, Model model) {
        Storefronts.StorefrontView storefront = storefronts.get(new StorefrontId(id));
        model.addAttribute("storefront", storefront);
        fill.accept(storefront, model);
        return view;
    }

    /**
     * Submits one of the page's forms: {@code change} runs when the form's own checks passed and
     * answers the notice (a message key) to come back with; a refusal is the page again, with 400.
     */
    String submit(
            long id,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Function<StorefrontId, String> change) {
        StorefrontId storefront = storefront(id);
        return ConsoleForms.submit(
                errors, response, () -> back(id, redirect, change.apply(storefront)), () -> show(id, model));
    }

    /** Back to the page, with a notice (a message key) shown there once. */
    String back(long id, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return back(id);
    }

    String back(long id) {
        return ConsoleViews.redirect("/console/admin/storefronts/" + id + "/" + area);
    }

    /**
     * Puts a form of the page in the model unless it is there already: the one just refused keeps
     * what was typed and its errors, the others start fresh.
     */
    static void offer(Model model, String name, Supplier<?> fresh) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, fresh.get());
        }
    }
}
