package com.aftercare.web.console.rules;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.returns.rules.ClaimRules;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.function.Consumer;
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
 * The rule editor (SUPERVISOR, ADMIN: {@code /console/policies/**}): one storefront's automatic
 * approval rules in the order they are tried, a page per rule to add or change it, and buttons to
 * move, switch off and delete. Every path names the storefront; a rule of another storefront is
 * not found. {@link ClaimRules} checks and audits every change; a refusal lands at its field.
 */
@Controller
@RequestMapping(ClaimRulesController.HERE)
class ClaimRulesController {

    static final String HERE = "/console/policies/rules";
    private static final String FORM = "rule";

    private final ClaimRules rules;
    private final RuleChoices choices;

    ClaimRulesController(ClaimRules rules, RuleChoices choices) {
        this.rules = rules;
        this.choices = choices;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long storefront, Model model) {
        StorefrontId shop = choices.storefront(storefront, model);
        model.addAttribute("rules", shop == null ? List.of() : rules.listed(shop));
        return ConsoleViews.CLAIM_RULES;
    }

    /** A new rule's form, for the storefront asked for (else the first, as the list shows it). */
    @GetMapping("/new")
    String create(@RequestParam(required = false) Long storefront, Model model) {
        StorefrontId shop = choices.storefront(storefront, model);
        if (shop == null) {
            throw NotFound.storefront(0);
        }
        List<ClaimRules.Listed> listed = rules.listed(shop);
        int after = listed.isEmpty() ? 0 : listed.get(listed.size() - 1).rule().position();
        model.addAttribute(FORM, ClaimRules.Draft.blank(Math.min(ClaimRules.MAX_POSITION, after + 10)));
        return choices.formPage(null, model);
    }

    @PostMapping
    String add(
            @RequestParam(required = false) Long storefront,
            @ModelAttribute(FORM) ClaimRules.Draft form,
            BindingResult errors,
            Principal by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        StorefrontId shop = required(storefront, model);
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    rules.add(shop, form, by.getName());
                    return done(shop, "rules.notice.added", redirect);
                },
                () -> choices.formPage(null, model));
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) Long storefront, Model model) {
        StorefrontId shop = required(storefront, model);
        model.addAttribute(FORM, ClaimRules.Draft.of(find(shop, id).rule()));
        return choices.formPage(id, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @RequestParam(required = false) Long storefront,
            @ModelAttribute(FORM) ClaimRules.Draft form,
            BindingResult errors,
            Principal by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        StorefrontId shop = required(storefront, model);
        find(shop, id);
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    rules.update(shop, id, form, by.getName());
                    return done(shop, "rules.notice.saved", redirect);
                },
                () -> choices.formPage(id, model));
    }

    /**
     * A rule row's two switches: {@code move?up=} puts the rule one place earlier (or later) in
     * the order they are tried, {@code enabled?enabled=} switches it on (or off). Both change one
     * flag of one rule and come back to the list, so one handler serves both paths.
     */
    @PostMapping("/{id}/{button:move|enabled}")
    String flip(
            @PathVariable long id,
            @PathVariable String button,
            @RequestParam(required = false) Long storefront,
            @RequestParam(defaultValue = "false") boolean up,
            @RequestParam(defaultValue = "false") boolean enabled,
            Principal by,
            Model model,
            RedirectAttributes redirect) {
        boolean move = button.equals("move");
        String notice = move ? "rules.notice.moved" : enabled ? "rules.notice.enabled" : "rules.notice.disabled";
        return change(storefront, model, redirect, notice, shop -> {
            if (move) {
                rules.move(shop, id, up, by.getName());
            } else {
                rules.enable(shop, id, enabled, by.getName());
            }
        });
    }

    @PostMapping("/{id}/delete")
    String delete(
            @PathVariable long id,
            @RequestParam(required = false) Long storefront,
            Principal by,
            Model model,
            RedirectAttributes redirect) {
        return change(
                storefront, model, redirect, "rules.notice.deleted", shop -> rules.remove(shop, id, by.getName()));
    }

    /** One button's change to the storefront's list, then the list again with its notice. */
    private String change(
            Long storefront, Model model, RedirectAttributes redirect, String notice, Consumer<StorefrontId> change) {
        StorefrontId shop = required(storefront, model);
        change.accept(shop);
        return done(shop, notice, redirect);
    }

    /** The storefront a rule page or change names; a page for none is not found. */
    private StorefrontId required(Long storefront, Model model) {
        if (storefront == null) {
            throw NotFound.storefront(0);
        }
        return choices.storefront(storefront, model);
    }

    private ClaimRules.Listed find(StorefrontId shop, long id) {
        return rules.find(shop, id).orElseThrow(() -> NotFound.claimRule(id));
    }

    private static String done(StorefrontId shop, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", notice);
        return ConsoleViews.redirect(HERE + "?storefront=" + shop.value());
    }
}
