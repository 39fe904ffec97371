package com.aftercare.web.console.desk;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryWorkflowViolation;
import com.aftercare.inquiry.Teams;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A supervisor hands an inquiry to another operator, or to a team's queue. The inquiry's own
 * trail records who moved it where (ASSIGNED).
 */
@Controller
@RequestMapping("/console/inquiries/{reference}/reassign")
class ReassignController {

    private final Inquiries inquiries;
    private final Teams teams;

    ReassignController(Inquiries inquiries, Teams teams) {
        this.inquiries = inquiries;
        this.teams = teams;
    }

    @GetMapping
    String form(@PathVariable String reference, Model model) {
        return page(reference, model, null);
    }

    /** Exactly one of {@code assignee} and {@code team}. */
    @PostMapping
    String reassign(
            @PathVariable String reference,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team,
            Principal by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        boolean toPerson = assignee != null && !assignee.isBlank();
        boolean toTeam = team != null && !team.isBlank();
        if (toPerson == toTeam) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(reference, model, "desk.reassign.chooseOne");
        }
        try {
            if (toPerson) {
                inquiries.assign(new Inquiries.Assign(reference, assignee, by.getName()));
            } else {
                inquiries.assignToTeam(reference, team, by.getName());
            }
        } catch (InvalidValue e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(reference, model, "desk.reassign.invalid." + e.field());
        } catch (InquiryWorkflowViolation e) {
            redirect.addFlashAttribute("problem", "inquiry.refused");
            return ConsoleViews.redirect("/console/inquiries/" + reference);
        }
        redirect.addFlashAttribute("notice", "desk.reassigned");
        return ConsoleViews.redirect("/console/inquiries/" + reference);
    }

    private String page(String reference, Model model, String problem) {
        Inquiries.InquiryView inquiry = inquiries.find(reference).orElseThrow(() -> NotFound.inquiry(reference));
        model.addAttribute("inquiry", inquiry);
        model.addAttribute("teams", teams.all());
        model.addAttribute("operators", teams.availability());
        model.addAttribute("problem", problem);
        return ConsoleViews.DESK_REASSIGN;
    }
}
