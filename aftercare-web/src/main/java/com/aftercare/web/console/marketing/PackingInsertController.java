package com.aftercare.web.console.marketing;

import com.aftercare.stepmail.packing.PackingInserts;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shop's packing-insert card (supervisors): written here, checked when saved, audited. */
@Controller
@RequestMapping(PackingInsertController.HERE)
class PackingInsertController {

    static final String HERE = "/console/marketing/packing-insert";
    private static final String FORM = "card";

    private final PackingInserts inserts;

    PackingInsertController(PackingInserts inserts) {
        this.inserts = inserts;
    }

    @GetMapping
    String edit(Model model) {
        model.addAttribute(FORM, PackingInsertForm.of(inserts.template()));
        return ConsoleViews.MARKETING_PACKING_INSERT;
    }

    @PostMapping
    String save(
            @ModelAttribute(FORM) PackingInsertForm form,
            BindingResult errors,
            Principal supervisor,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        // the template's own problem (line, variable) is shown inside the bundle's message
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    inserts.save(form.toCard(), supervisor.getName());
                    redirect.addFlashAttribute("notice", "marketing.packing.saved");
                    return ConsoleViews.redirect(HERE);
                },
                () -> ConsoleViews.MARKETING_PACKING_INSERT);
    }
}
