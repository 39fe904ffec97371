package com.aftercare.web.console.knowledge;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.CannedVariable;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Inquiries;
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

/**
 * Canned responses (定型文) for SUPERVISOR and ADMIN (the security configuration keeps operators
 * out): the list with a form for a new one, and one page per response to edit or delete it.
 */
@Controller
@RequestMapping("/console/canned-responses")
class CannedResponsesConsoleController {

    private static final String HERE = "/console/canned-responses";
    private static final String FORM = "form";
    private static final ListPage LIST = new ListPage(HERE);

    private final CannedResponses canned;

    CannedResponsesConsoleController(CannedResponses canned) {
        this.canned = canned;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute(FORM, CannedResponseForm.empty());
        return listPage(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute(FORM) CannedResponseForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return LIST.submit(
                errors,
                response,
                redirect,
                "canned.notice.created",
                () -> canned.create(form.draft(), supervisor.getName()),
                () -> listPage(model));
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute(FORM, CannedResponseForm.of(find(id)));
        return editPage(id, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) CannedResponseForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        find(id);
        return LIST.submit(
                errors,
                response,
                redirect,
                "canned.notice.saved",
                () -> canned.update(id, form.draft(), supervisor.getName()),
                () -> editPage(id, model));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal supervisor, RedirectAttributes redirect) {
        canned.delete(id, supervisor.getName());
        return LIST.back(redirect, "canned.notice.deleted");
    }

    private CannedResponses.CannedResponseView find(long id) {
        return canned.find(id).orElseThrow(() -> NotFound.cannedResponse(id));
    }

    private String listPage(Model model) {
        model.addAttribute("responses", canned.all());
        return formPage(model, ConsoleViews.CANNED_RESPONSES);
    }

    private String editPage(long id, Model model) {
        model.addAttribute("id", id);
        return formPage(model, ConsoleViews.CANNED_RESPONSE);
    }

    private static String formPage(Model model, String view) {
        model.addAttribute("categories", Category.values());
        model.addAttribute("languages", CannedResponses.LANGUAGES);
        model.addAttribute("variables", CannedVariable.values());
        model.addAttribute("maxBody", Inquiries.MAX_BODY);
        return view;
    }
}
