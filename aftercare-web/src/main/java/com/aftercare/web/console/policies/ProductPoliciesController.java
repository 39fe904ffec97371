package com.aftercare.web.console.policies;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.returns.ProductPolicyEditor;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
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
 * the claim rules enforce. Saving and deleting are audited with the terms written.
 */
@Controller
@RequestMapping(ProductPoliciesController.HERE)
class ProductPoliciesController {

    static final String HERE = "/console/policies";
    private static final String FORM = "policy";

    private final ProductPolicyEditor policies;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    ProductPoliciesController(ProductPolicyEditor policies, AuditLog audit, TransactionTemplate transaction) {
        this.policies = policies;
        this.audit = audit;
        this.transaction = transaction;
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
        if (!errors.hasErrors()) {
            try {
                ProductPolicyEditor.Draft draft = form.toDraft();
                transaction.executeWithoutResult(status -> audit.record(
                        supervisor.getName(),
                        "product-policy.saved",
                        "product_policy",
                        policies.save(draft).key(),
                        Map.of("terms", draft.toString())));
                redirect.addFlashAttribute("notice", "policies.saved");
                return ConsoleViews.redirect(HERE);
            } catch (InvalidValue e) {
                errors.rejectValue(e.field(), "invalid", new Object[] {e.getMessage()}, e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return fill(model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal supervisor, RedirectAttributes redirect) {
        transaction.executeWithoutResult(status -> {
            ProductPolicyEditor.Entry deleted = policies.delete(id);
            audit.record(
                    supervisor.getName(),
                    "product-policy.deleted",
                    "product_policy",
                    deleted.scope().key(),
                    Map.of("terms", deleted.policy().toString()));
        });
        redirect.addFlashAttribute("notice", "policies.deleted");
        return ConsoleViews.redirect(HERE);
    }

    private String fill(Model model) {
        model.addAttribute("policies", policies.all());
        model.addAttribute("payers", PolicyForm.PAYERS);
        return ConsoleViews.POLICIES;
    }
}
