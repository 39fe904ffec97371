package com.aftercare.web.console.stepmail;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.stepmail.scenario.ScenarioEditor;
import com.aftercare.stepmail.templates.MailTemplates;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
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
 * Editing a step-mail template per language: subject, plain text and an optional HTML part.
 * Checked when saved (syntax, and every variable against what the steps using it provide); a
 * refused template stays on the page with the error under its part.
 */
@Controller
@RequestMapping("/console/stepmail/templates")
class MailTemplatesController {

    private static final String FORM = "templateForm";
    private static final List<String> FIELDS = List.of("textBody", "subject", "htmlBody");

    private final ScenarioEditor editor;
    private final MailTemplates templates;

    MailTemplatesController(ScenarioEditor editor, MailTemplates templates) {
        this.editor = editor;
        this.templates = templates;
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, @RequestParam(required = false) String lang, Model model) {
        String language = language(lang);
        if (!editor.templateCodes().contains(code)) {
            throw NotFound.mailTemplate(code);
        }
        TemplateForm form = templates.find(code, language).map(TemplateForm::of).orElse(new TemplateForm("", "", ""));
        return page(code, language, form, null, model);
    }

    @PostMapping("/{code}")
    String save(
            @PathVariable String code,
            @RequestParam(required = false) String lang,
            @ModelAttribute(FORM) TemplateForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        String language = language(lang);
        try {
            editor.saveTemplate(code, language, form.toTemplate(), supervisor.getName());
        } catch (ScenarioEditor.Rejected e) {
            FieldProblems.reject(errors, e.problems(), FIELDS);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(code, language, form, errors, model);
        }
        redirect.addFlashAttribute("notice", "stepmail.template.saved");
        return ConsoleViews.redirect(ScenarioEditorController.HERE + "/templates/" + code + "?lang=" + language);
    }

    private String page(String code, String language, TemplateForm form, BindingResult errors, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("language", language);
        model.addAttribute("languages", MailTemplates.LANGUAGES);
        model.addAttribute("edited", templates.isEdited(code, language));
        model.addAttribute(
                "variables", editor.variablesFor(code).names().stream().sorted().toList());
        model.addAttribute(FORM, form);
        if (errors != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        }
        return ConsoleViews.STEPMAIL_TEMPLATE;
    }

    private String language(String lang) {
        return lang != null && MailTemplates.LANGUAGES.contains(lang) ? lang : templates.defaultLanguage();
    }
}
