package com.aftercare.web.console.stepmail;

import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.MailTemplateCatalogue;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Rejected;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.scenario.ScenarioEditor;
import com.aftercare.stepmail.scenario.Scenarios;
import com.aftercare.stepmail.scenario.StepPreview;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scenario editor (supervisors and admins): the scenarios with their figures, one scenario's
 * steps on a timeline with its settings, one step with a live preview rendered from a real order
 * and a test send. Refusals come back as field messages on the same page with a 400.
 */
@Controller
@RequestMapping("/console/stepmail")
class ScenarioEditorController {

    static final String HERE = "/console/stepmail";
    private static final String SCENARIO_FORM = "scenarioForm";
    private static final String STEP_FORM = "stepForm";
    private static final String PREVIEW_FORM = "previewForm";
    /** The message keys of the editor's refusals: {@code stepmail.invalid.delayAmount}, … */
    private static final String INVALID = "stepmail.invalid";

    private static final List<String> SCENARIO_FIELDS =
            List.of("name", "trigger", "storefrontId", "category", "sku", "buyer");
    private static final List<String> STEP_FIELDS =
            List.of("delayAmount", "delayUnit", "atTime", "kind", "template", "afterHold", "overCap");
    private static final List<String> PREVIEW_FIELDS = List.of("orderNumber", "language", "testAddress");

    private final Scenarios scenarios;
    private final ScenarioEditor editor;
    private final StepPreview preview;
    private final Storefronts storefronts;
    private final Operators operators;
    private final MailTemplateCatalogue templates;

    ScenarioEditorController(
            Scenarios scenarios,
            ScenarioEditor editor,
            StepPreview preview,
            Storefronts storefronts,
            Operators operators,
            MailTemplateCatalogue templates) {
        this.scenarios = scenarios;
        this.editor = editor;
        this.preview = preview;
        this.storefronts = storefronts;
        this.operators = operators;
        this.templates = templates;
    }

    /** The preview's inputs: which order, in which language. */
    record PreviewForm(String orderNumber, String language, String testAddress) {}

    @GetMapping
    String list(Model model) {
        model.addAttribute("scenarios", scenarios.list());
        return ConsoleViews.STEPMAIL_SCENARIOS;
    }

    @GetMapping("/scenarios/{id}")
    String scenario(@PathVariable long id, Model model) {
        Scenarios.Scenario scenario = scenarios.find(id);
        return scenarioPage(scenario, ScenarioForm.of(scenario), null, StepForm.blank(), null, model);
    }

    @PostMapping("/scenarios/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute(SCENARIO_FORM) ScenarioForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            editor.update(id, form.toChange(), supervisor.getName());
        } catch (Rejected e) {
            ConsoleForms.reject(errors, e.problems(), INVALID, SCENARIO_FIELDS);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return scenarioPage(scenarios.find(id), form, errors, StepForm.blank(), null, model);
        }
        redirect.addFlashAttribute("notice", "stepmail.saved");
        return ConsoleViews.redirect(HERE + "/scenarios/" + id);
    }

    @PostMapping("/scenarios/{id}/pause")
    String pause(@PathVariable long id, Principal supervisor, RedirectAttributes redirect) {
        editor.pause(id, supervisor.getName());
        redirect.addFlashAttribute("notice", "stepmail.paused.notice");
        return ConsoleViews.redirect(HERE + "/scenarios/" + id);
    }

    @PostMapping("/scenarios/{id}/resume")
    String resume(@PathVariable long id, Principal supervisor, RedirectAttributes redirect) {
        editor.resume(id, supervisor.getName());
        redirect.addFlashAttribute("notice", "stepmail.resumed.notice");
        return ConsoleViews.redirect(HERE + "/scenarios/" + id);
    }

    @PostMapping("/scenarios/{id}/steps")
    String addStep(
            @PathVariable long id,
            @ModelAttribute(STEP_FORM) StepForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submitStep(
                id,
                form,
                errors,
                response,
                redirect,
                change -> editor.addStep(id, change, supervisor.getName()),
                "stepmail.step.added",
                () -> {
                    Scenarios.Scenario scenario = scenarios.find(id);
                    return scenarioPage(scenario, ScenarioForm.of(scenario), null, form, errors, model);
                });
    }

    @GetMapping("/scenarios/{id}/steps/{stepId}")
    String step(
            @PathVariable long id,
            @PathVariable long stepId,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String lang,
            Principal supervisor,
            Model model,
            HttpServletResponse response) {
        Scenarios.Scenario scenario = scenarios.find(id);
        PreviewForm previewForm = previewForm(order, lang, supervisor);
        BindingResult previewErrors = new BeanPropertyBindingResult(previewForm, PREVIEW_FORM);
        if (order != null) {
            try {
                model.addAttribute("preview", preview.preview(id, stepId, order, previewForm.language()));
            } catch (Rejected e) {
                ConsoleForms.reject(previewErrors, e.problems(), INVALID, PREVIEW_FIELDS);
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
        }
        return stepPage(scenario, stepId, StepForm.of(scenario.step(stepId)), null, previewForm, previewErrors, model);
    }

    @PostMapping("/scenarios/{id}/steps/{stepId}")
    String changeStep(
            @PathVariable long id,
            @PathVariable long stepId,
            @ModelAttribute(STEP_FORM) StepForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return submitStep(
                id,
                form,
                errors,
                response,
                redirect,
                change -> editor.changeStep(id, stepId, change, supervisor.getName()),
                "stepmail.step.saved",
                () -> {
                    PreviewForm previewForm = previewForm(null, null, supervisor);
                    return stepPage(
                            scenarios.find(id),
                            stepId,
                            form,
                            errors,
                            previewForm,
                            new BeanPropertyBindingResult(previewForm, PREVIEW_FORM),
                            model);
                });
    }

    /**
     * A new or changed step: saved and back to the scenario's timeline, or the page again with
     * the field messages (text that is no number or time, and the editor's refusals) and a 400.
     */
    private String submitStep(
            long id,
            StepForm form,
            BindingResult errors,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Consumer<ScenarioEditor.StepChange> save,
            String notice,
            Supplier<String> pageWithErrors) {
        List<FieldProblem> problems = new ArrayList<>();
        ScenarioEditor.StepChange change = form.toChange(problems);
        try {
            if (problems.isEmpty()) {
                save.accept(change);
                redirect.addFlashAttribute("notice", notice);
                return ConsoleViews.redirect(HERE + "/scenarios/" + id);
            }
        } catch (Rejected e) {
            problems.addAll(e.problems());
        }
        ConsoleForms.reject(errors, problems, INVALID, STEP_FIELDS);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return pageWithErrors.get();
    }

    @PostMapping("/scenarios/{id}/steps/{stepId}/remove")
    String removeStep(
            @PathVariable long id, @PathVariable long stepId, Principal supervisor, RedirectAttributes redirect) {
        editor.removeStep(id, stepId, supervisor.getName());
        redirect.addFlashAttribute("notice", "stepmail.step.removed");
        return ConsoleViews.redirect(HERE + "/scenarios/" + id);
    }

    @PostMapping("/scenarios/{id}/steps/{stepId}/test")
    String testSend(
            @PathVariable long id,
            @PathVariable long stepId,
            @ModelAttribute(PREVIEW_FORM) PreviewForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        String language = language(form.language());
        try {
            if (form.testAddress() != null && !form.testAddress().isBlank()) {
                operators.setTestMailAddress(
                        supervisor.getName(),
                        new EmailAddress(form.testAddress().strip()).value());
            }
            preview.testSend(id, stepId, form.orderNumber(), language, supervisor.getName());
        } catch (InvalidValue e) {
            return testRefused(
                    id,
                    stepId,
                    form,
                    errors,
                    List.of(new FieldProblem("testAddress", e.getMessage())),
                    model,
                    response);
        } catch (Rejected e) {
            return testRefused(id, stepId, form, errors, e.problems(), model, response);
        }
        redirect.addFlashAttribute("notice", "stepmail.test.sent");
        return ConsoleViews.redirect(HERE + "/scenarios/" + id + "/steps/" + stepId);
    }

    private String testRefused(
            long id,
            long stepId,
            PreviewForm form,
            BindingResult errors,
            List<FieldProblem> problems,
            Model model,
            HttpServletResponse response) {
        ConsoleForms.reject(errors, problems, INVALID, PREVIEW_FIELDS);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        Scenarios.Scenario scenario = scenarios.find(id);
        return stepPage(scenario, stepId, StepForm.of(scenario.step(stepId)), null, form, errors, model);
    }

    private PreviewForm previewForm(String order, String lang, Principal supervisor) {
        return new PreviewForm(
                order == null ? "" : order,
                language(lang),
                operators.testMailAddress(supervisor.getName()).orElse(""));
    }

    private String language(String lang) {
        return lang != null && MailTemplate.LANGUAGES.contains(lang) ? lang : templates.defaultLanguage();
    }

    private String scenarioPage(
            Scenarios.Scenario scenario,
            ScenarioForm form,
            BindingResult errors,
            StepForm stepForm,
            BindingResult stepErrors,
            Model model) {
        model.addAttribute("scenario", scenario);
        model.addAttribute("timeline", Timeline.of(scenario));
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute(SCENARIO_FORM, form);
        model.addAttribute(STEP_FORM, stepForm);
        putErrors(model, SCENARIO_FORM, errors);
        putErrors(model, STEP_FORM, stepErrors);
        choices(model);
        return ConsoleViews.STEPMAIL_SCENARIO;
    }

    private String stepPage(
            Scenarios.Scenario scenario,
            long stepId,
            StepForm form,
            BindingResult errors,
            PreviewForm previewForm,
            BindingResult previewErrors,
            Model model) {
        Scenarios.Step step = scenario.step(stepId);
        model.addAttribute("scenario", scenario);
        model.addAttribute("step", step);
        model.addAttribute("entry", Timeline.entry(scenario.trigger(), step));
        model.addAttribute(STEP_FORM, form);
        model.addAttribute(PREVIEW_FORM, previewForm);
        putErrors(model, STEP_FORM, errors);
        putErrors(model, PREVIEW_FORM, previewErrors);
        choices(model);
        return ConsoleViews.STEPMAIL_STEP;
    }

    private void choices(Model model) {
        model.addAllAttributes(Map.of(
                "triggers", ScenarioEditor.TRIGGERS,
                "buyers", ScenarioEditor.BUYERS,
                "kinds", ScenarioEditor.KINDS,
                "afterHolds", ScenarioEditor.AFTER_HOLD,
                "overCaps", ScenarioEditor.OVER_CAP,
                "units", List.of("MINUTES", "HOURS", "DAYS"),
                "languages", MailTemplate.LANGUAGES,
                "templateCodes", editor.templateCodes()));
    }

    private static void putErrors(Model model, String form, BindingResult errors) {
        if (errors != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + form, errors);
        }
    }
}
