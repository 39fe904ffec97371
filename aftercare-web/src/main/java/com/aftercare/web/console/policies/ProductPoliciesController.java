package com.aftercare.web.console.policies;

import com.aftercare.returns.ProductPolicyEditor;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shop's after-sales terms per product or category (supervisors): what the portal offers and
 * the claim rules enforce. The editor audits each save and delete under the supervisor signed in.
 */
@Controller
@RequestMapping(ProductPoliciesController.HERE)
class ProductPoliciesController {

    static final String HERE = "/console/policies";
    private static final String FORM = "policy";

    private final ProductPolicyEditor policies;

    ProductPoliciesController(ProductPolicyEditor policies) {
        this.policies = policies;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute(FORM, PolicyForm.empty());
        return fill(model);
    }

    /** Adds or replaces the terms of a SKU or category; bad input is answered at its field. */
    @PostMapping
    String save(
            @ModelAttribute(FORM) PolicyForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    policies.save(form.toDraft(), supervisor.getName());
                    redirect.addFlashAttribute("notice", "policies.saved");
                    return ConsoleViews.redirect(HERE);
                },
                () -> fill(model));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal supervisor, RedirectAttributes redirect) {
        policies.delete(id, supervisor.getName());
        redirect.addFlashAttribute("notice", "policies.deleted");
        return ConsoleViews.redirect(HERE);
    }

    private String fill(Model model) {
        model.addAttribute("policies", policies.all());
        model.addAttribute("payers", PolicyForm.PAYERS);
        return ConsoleViews.POLICIES;
    }
}
