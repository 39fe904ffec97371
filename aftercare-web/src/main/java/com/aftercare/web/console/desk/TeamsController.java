package com.aftercare.web.console.desk;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.AlreadyExists;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.inquiry.Teams;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Teams, their members and who is available for new work. Every change is audited. */
@Controller
@RequestMapping(TeamsController.HERE)
class TeamsController {

    static final String HERE = "/console/teams";
    private static final String FORM = "newTeam";

    private final Teams teams;
    private final Operators operators;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    TeamsController(Teams teams, Operators operators, AuditLog audit, TransactionTemplate transaction) {
        this.teams = teams;
        this.operators = operators;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute(FORM, NewTeamForm.empty());
        return fill(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute(FORM) NewTeamForm form,
            BindingResult errors,
            Principal by,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                return change(by, "team.created", form.code(), Map.of("name", form.name()), redirect, () -> {
                    teams.create(form.code(), form.name());
                });
            } catch (AlreadyExists e) {
                errors.rejectValue(e.field(), "exists");
            } catch (InvalidValue e) {
                errors.rejectValue(e.field(), "invalid");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        return fill(model);
    }

    @PostMapping("/{code}/members")
    String addMember(
            @PathVariable String code, @RequestParam String username, Principal by, RedirectAttributes redirect) {
        return change(by, "team.member.added", code, Map.of("operator", username), redirect, () -> {
            teams.addMember(code, username);
        });
    }

    @PostMapping("/{code}/members/{username}/remove")
    String removeMember(
            @PathVariable String code, @PathVariable String username, Principal by, RedirectAttributes redirect) {
        return change(by, "team.member.removed", code, Map.of("operator", username), redirect, () -> {
            teams.removeMember(code, username);
        });
    }

    @PostMapping("/availability/{username}")
    String availability(
            @PathVariable String username, @RequestParam boolean available, Principal by, RedirectAttributes redirect) {
        return change(
                by,
                available ? "operator.available" : "operator.unavailable",
                username,
                Map.of(),
                redirect,
                () -> teams.setAvailable(username, available));
    }

    private String change(
            Principal by,
            String action,
            String target,
            Map<String, ?> details,
            RedirectAttributes redirect,
            Runnable work) {
        transaction.executeWithoutResult(status -> {
            work.run();
            audit.record(by.getName(), action, action.startsWith("operator") ? "operator" : "team", target, details);
        });
        redirect.addFlashAttribute("notice", "desk.changed");
        return ConsoleViews.redirect(HERE);
    }

    private String fill(Model model) {
        model.addAttribute("teams", teams.all());
        model.addAttribute("availability", teams.availability());
        model.addAttribute(
                "operators",
                operators.all().stream()
                        .filter(Operators.Summary::enabled)
                        .map(Operators.Summary::username)
                        .toList());
        return ConsoleViews.DESK_TEAMS;
    }
}
