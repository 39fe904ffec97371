package com.aftercare.web.console.automation;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.Macros;
import com.aftercare.inquiry.Priority;
import com.aftercare.inquiry.Teams;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.ListPage;
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

/** The macros (マクロ) for SUPERVISOR and ADMIN: list, new, edit, delete, audited by {@link Macros}. */
@Controller
@RequestMapping(MacrosController.HERE)
class MacrosController {

    static final String HERE = "/console/macros";
    private static final String FORM = "macro";
    private static final ListPage LIST = new ListPage(HERE);

    private final Macros macros;
    private final CannedResponses canned;
    private final Teams teams;

    MacrosController(Macros macros, CannedResponses canned, Teams teams) {
        this.macros = macros;
        this.canned = canned;
        this.teams = teams;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute(FORM, MacroForm.empty());
        return listPage(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute(FORM) MacroForm form,
            BindingResult errors,
            Principal by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return LIST.submit(
                errors,
                response,
                redirect,
                "macro.notice.created",
                () -> macros.create(form.draft(), by.getName()),
                () -> listPage(model));
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute(FORM, MacroForm.of(find(id)));
        return editPage(id, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) MacroForm form,
            BindingResult errors,
            Principal by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        find(id);
        return LIST.submit(
                errors,
                response,
                redirect,
                "macro.notice.saved",
                () -> macros.update(id, form.draft(), by.getName()),
                () -> editPage(id, model));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal by, RedirectAttributes redirect) {
        macros.delete(id, by.getName());
        return LIST.back(redirect, "macro.notice.deleted");
    }

    private Macros.MacroView find(long id) {
        return macros.find(id).orElseThrow(() -> NotFound.macro(id));
    }

    private String listPage(Model model) {
        model.addAttribute("macros", macros.all());
        return choices(model, ConsoleViews.MACROS);
    }

    private String editPage(long id, Model model) {
        model.addAttribute("id", id);
        return choices(model, ConsoleViews.MACRO);
    }

    private String choices(Model model, String view) {
        model.addAttribute("cannedResponses", canned.all());
        model.addAttribute("statusSteps", Macros.StatusStep.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("teams", teams.all());
        return view;
    }
}
