package com.aftercare.web.console.desk;

import com.aftercare.domain.operator.Operators;
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

/** Teams, their members and who is available for new work. Every change is audited by {@link Teams}. */
@Controller
@RequestMapping(TeamsController.HERE)
class TeamsController {

    static final String HERE = "/console/teams";
    private static final String FORM = "newTeam";
    private static final ListPage LIST = new ListPage(HERE);

    private final Teams teams;
    private final Operators operators;

    TeamsController(Teams teams, Operators operators) {
        this.teams = teams;
        this.operators = operators;
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
        return LIST.submit(
                errors,
                response,
                redirect,
                "desk.changed",
                () -> teams.create(form.code(), form.name(), by.getName()),
                () -> fill(model));
    }

    @PostMapping("/{code}/members")
    String addMember(
            @PathVariable String code, @RequestParam String username, Principal by, RedirectAttributes redirect) {
        return changed(redirect, () -> teams.addMember(code, username, by.getName()));
    }

    @PostMapping("/{code}/members/{username}/remove")
    String removeMember(
            @PathVariable String code, @PathVariable String username, Principal by, RedirectAttributes redirect) {
        return changed(redirect, () -> teams.removeMember(code, username, by.getName()));
    }

    @PostMapping("/availability/{username}")
    String availability(
            @PathVariable String username, @RequestParam boolean available, Principal by, RedirectAttributes redirect) {
        return changed(redirect, () -> teams.setAvailable(username, available, by.getName()));
    }

    private static String changed(RedirectAttributes redirect, Runnable change) {
        change.run();
        return LIST.back(redirect, "desk.changed");
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
