package com.aftercare.web.console.stepmail;

import com.aftercare.stepmail.templates.ProductTips;
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
 * Usage tips per product or category (supervisors), which follow-up mails show under each line
 * as {@code line.tips}. Saving and deleting are audited.
 */
@Controller
@RequestMapping(ProductTipsController.HERE)
class ProductTipsController {

    static final String HERE = ScenarioEditorController.HERE + "/tips";
    private static final String FORM = "tip";

    /** The tip form: a SKU or a category, and the text. */
    record TipForm(String sku, String category, String tips) {}

    private final ProductTips tips;

    ProductTipsController(ProductTips tips) {
        this.tips = tips;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute(FORM, new TipForm("", "", ""));
        return fill(model);
    }

    /** Adds the tips of a SKU or category, or replaces them: bad input is answered at its field. */
    @PostMapping
    String save(
            @ModelAttribute(FORM) TipForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    tips.save(form.sku(), form.category(), form.tips(), supervisor.getName());
                    redirect.addFlashAttribute("notice", "stepmail.tips.saved");
                    return ConsoleViews.redirect(HERE);
                },
                () -> fill(model));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal supervisor, RedirectAttributes redirect) {
        tips.delete(id, supervisor.getName());
        redirect.addFlashAttribute("notice", "stepmail.tips.deleted");
        return ConsoleViews.redirect(HERE);
    }

    private String fill(Model model) {
        model.addAttribute("tips", tips.all());
        return ConsoleViews.STEPMAIL_TIPS;
    }
}
