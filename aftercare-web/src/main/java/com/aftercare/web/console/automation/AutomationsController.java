package com.aftercare.web.console.automation;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.AutomationActions;
import com.aftercare.inquiry.AutomationTime;
import com.aftercare.inquiry.AutomationTrigger;
import com.aftercare.inquiry.Automations;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.InquiryStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The automations (自動化ルール) for SUPERVISOR and ADMIN: the list with how often and when each
 * rule last fired, a form for a new one, one page per rule to edit, switch off or delete it. The
 * {@link Automations} facade checks and audits every change.
 */
@Controller
@RequestMapping(AutomationsController.HERE)
class AutomationsController {

    static final String HERE = "/console/automations";
    private static final String FORM = "automation";
    private static final ListPage LIST = new ListPage(HERE);

    private final Automations automations;
    private final Storefronts storefronts;
    private final Teams teams;

    AutomationsController(Automations automations, Storefronts storefronts, Teams teams) {
        this.automations = automations;
        this.storefronts = storefronts;
        this.teams = teams;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute(FORM, AutomationForm.empty());
        return listPage(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute(FORM) AutomationForm form,
            BindingResult errors,
            Principal by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return LIST.submit(
                errors,
                response,
                redirect,
                "automation.notice.created",
                () -> automations.create(form.draft(), by.getName()),
                () -> listPage(model));
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute(FORM, AutomationForm.of(find(id)));
        return editPage(id, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) AutomationForm form,
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
                "automation.notice.saved",
                () -> automations.update(id, form.draft(), by.getName()),
                () -> editPage(id, model));
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, Principal by, RedirectAttributes redirect) {
        automations.enable(id, enabled, by.getName());
        return LIST.back(redirect, enabled ? "automation.notice.enabled" : "automation.notice.disabled");
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal by, RedirectAttributes redirect) {
        automations.delete(id, by.getName());
        return LIST.back(redirect, "automation.notice.deleted");
    }

    private Automations.AutomationView find(long id) {
        return automations.find(id).orElseThrow(() -> NotFound.automation(id));
    }

    private String listPage(Model model) {
        model.addAttribute("automations", automations.all());
        return choices(model, ConsoleViews.AUTOMATIONS);
    }

    private String editPage(long id, Model model) {
        model.addAttribute("rule", find(id));
        return choices(model, ConsoleViews.AUTOMATION);
    }

    private String choices(Model model, String view) {
        model.addAttribute("triggers", AutomationTrigger.values());
        model.addAttribute("statuses", InquiryStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("since", AutomationTime.Since.values());
        model.addAttribute("units", AutomationTime.Unit.values());
        model.addAttribute("statusSteps", AutomationActions.StatusStep.values());
        model.addAttribute("customerMails", AutomationActions.CustomerNotice.values());
        model.addAttribute("teams", teams.all());
        return view;
    }
}
