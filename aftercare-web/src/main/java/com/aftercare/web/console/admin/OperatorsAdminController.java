package com.aftercare.web.console.admin;

import com.aftercare.domain.operator.Operators;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.security.OperatorSessions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.security.crypto.password.PasswordEncoder;
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
 * Console users: list, create, enable or disable, change a role, lift a lockout; and the signed-in
 * sessions, which an admin may end. {@link Operators} audits every change. Disabling an operator or
 * changing their role ends their sessions on every instance: a session keeps the role it was
 * opened with, and a disabled operator must be out now, not when their session times out.
 */
@Controller
@RequestMapping("/console/admin/operators")
class OperatorsAdminController {

    private static final String FORM = "newOperator";
    private static final String HERE = "/console/admin/operators";

    private final Operators operators;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final OperatorSessions sessions;

    OperatorsAdminController(Operators operators, PasswordEncoder passwords, Clock clock, OperatorSessions sessions) {
        this.sessions = sessions;
        this.operators = operators;
        this.passwords = passwords;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        return page(model, NewOperatorForm.empty());
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute(FORM) NewOperatorForm form,
            BindingResult errors,
            Principal admin,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    operators.create(
                            form.username(),
                            passwords.encode(form.password()),
                            form.displayName(),
                            form.role(),
                            admin.getName());
                    redirect.addFlashAttribute("notice", "admin.operators.created");
                    return ConsoleViews.redirect(HERE);
                },
                () -> page(model, form.withoutPassword(), errors));
    }

    @PostMapping("/{username}/enable")
    String enable(@PathVariable String username, Principal admin, RedirectAttributes redirect) {
        operators.enable(username, admin.getName());
        return changed(redirect);
    }

    @PostMapping("/{username}/disable")
    String disable(@PathVariable String username, Principal admin, RedirectAttributes redirect) {
        if (username.equals(admin.getName())) {
            // Disabling yourself would leave the shop without the admin who is working right now.
            redirect.addFlashAttribute("problem", "admin.operators.notYourself");
            return ConsoleViews.redirect(HERE);
        }
        operators.disable(username, admin.getName());
        sessions.endAllOf(username, admin.getName());
        return changed(redirect);
    }

    @PostMapping("/{username}/role")
    String changeRole(
            @PathVariable String username,
            @RequestParam(required = false) String role,
            Principal admin,
            RedirectAttributes redirect) {
        Operators.Role chosen = Arrays.stream(Operators.Role.values())
                .filter(r -> r.name().equals(role))
                .findFirst()
                .orElse(null);
        if (chosen == null) {
            redirect.addFlashAttribute("problem", "admin.operators.roleUnknown");
            return ConsoleViews.redirect(HERE);
        }
        if (username.equals(admin.getName())) {
            // an admin demoting themselves could leave the shop without one; another admin does it
            redirect.addFlashAttribute("problem", "admin.operators.notYourself");
            return ConsoleViews.redirect(HERE);
        }
        if (operators.changeRole(username, chosen, admin.getName())) {
            sessions.endAllOf(username, admin.getName());
        }
        return changed(redirect);
    }

    @PostMapping("/sessions/end")
    String endSession(@RequestParam(required = false) String session, Principal admin, RedirectAttributes redirect) {
        boolean ended = session != null && sessions.end(session, admin.getName());
        redirect.addFlashAttribute("notice", ended ? "admin.sessions.ended" : "admin.sessions.gone");
        return ConsoleViews.redirect(HERE + "#sessions");
    }

    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, Principal admin, RedirectAttributes redirect) {
        operators.unlock(username, admin.getName());
        return changed(redirect);
    }

    private static String changed(RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "admin.operators.changed");
        return ConsoleViews.redirect(HERE);
    }

    private String page(Model model, NewOperatorForm form) {
        model.addAttribute(FORM, form);
        return fill(model);
    }

    private String page(Model model, NewOperatorForm form, BindingResult errors) {
        model.addAttribute(FORM, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
        return fill(model);
    }

    private String fill(Model model) {
        model.addAttribute("operators", operators.all());
        model.addAttribute("roles", Operators.Role.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute("sessions", sessions.active());
        return ConsoleViews.ADMIN_OPERATORS;
    }
}
