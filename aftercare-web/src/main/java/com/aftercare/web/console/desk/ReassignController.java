package com.aftercare.web.console.desk;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.InquiryWorkflowViolation;
import com.aftercare.inquiry.Teams;
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
 * A supervisor hands an inquiry to another operator, or to a team's queue. The inquiry's own
 * trail records who moved it where (ASSIGNED). A refused choice comes back as the page with the
 * reason and a 400; a step the workflow refuses (a closed inquiry) as a message on the inquiry.
 */
@Controller
@RequestMapping("/console/inquiries/{reference}/reassign")
class ReassignController {

    private static final String FORM = "reassign";

    private final Inquiries inquiries;
    private final Teams teams;

    ReassignController(Inquiries inquiries, Teams teams) {
        this.inquiries = inquiries;
        this.teams = teams;
    }

    @GetMapping
    String form(@PathVariable String reference, Model model) {
        model.addAttribute(FORM, new ReassignForm(null, null));
        return page(reference, model);
    }

    @PostMapping
    String reassign(
            @PathVariable String reference,
            @ModelAttribute(FORM) ReassignForm form,
            BindingResult errors,
            Principal by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (form.toOperator() == form.toTeam()) {
            errors.reject("desk.reassign.chooseOne");
        }
        String inquiryPage = ConsoleViews.redirect("/console/inquiries/" + reference);
        try {
            return ConsoleForms.submit(
                    errors,
                    response,
                    () -> {
                        if (form.toOperator()) {
                            inquiries.assign(new Inquiries.Assign(reference, form.assignee(), by.getName()));
                        } else {
                            inquiries.assignToTeam(reference, form.team(), by.getName());
                        }
                        redirect.addFlashAttribute("notice", "desk.reassigned");
                        return inquiryPage;
                    },
                    () -> page(reference, model));
        } catch (InquiryWorkflowViolation e) {
            redirect.addFlashAttribute("problem", "inquiry.refused");
            return inquiryPage;
        }
    }

    private String page(String reference, Model model) {
        InquiryView inquiry = inquiries.find(reference).orElseThrow(() -> NotFound.inquiry(reference));
        model.addAttribute("inquiry", inquiry);
        model.addAttribute("teams", teams.all());
        model.addAttribute("operators", teams.availability());
        return ConsoleViews.DESK_REASSIGN;
    }
}
