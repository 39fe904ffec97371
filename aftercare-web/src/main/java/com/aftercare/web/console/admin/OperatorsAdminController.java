package com.aftercare.web.console.admin;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.AlreadyExists;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console users: list, create, enable or disable, lift a lockout. Every change is audited. */
@Controller
@RequestMapping("/console/admin/operators")
class OperatorsAdminController {

    private static final String FORM = "newOperator";
    private static final String HERE = "/console/admin/operators";

    private final Operators operators;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OperatorsAdminController(
            Operators operators,
            PasswordEncoder passwords,
            AuditLog audit,
            TransactionTemplate transaction,
            Clock clock) {
        this.operators = operators;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = transaction;
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
        if (!errors.hasErrors()) {
            try {
                transaction.executeWithoutResult(status -> {
                    long id = operators.create(
                            form.username(), passwords.encode(form.password()), form.displayName(), form.role());
                    audit.record(
                            admin.getName(),
                            "operator.created",
                            "operator",
                            form.username(),
                            Map.of(
                                    "id",
                                    id,
                                    "displayName",
                                    form.displayName(),
                                    "role",
                                    form.role().name()));
                });
                redirect.addFlashAttribute("notice", "admin.operators.created");
                return ConsoleViews.redirect(HERE);
            } catch (AlreadyExists e) {
                errors.rejectValue(e.field(), "exists");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, form.withoutPassword(), errors);
    }

    @PostMapping("/{username}/enable")
    String enable(@PathVariable String username, Principal admin, RedirectAttributes redirect) {
        return change(username, admin, "operator.enabled", redirect, () -> operators.setEnabled(username, true));
    }

    @PostMapping("/{username}/disable")
    String disable(@PathVariable String username, Principal admin, RedirectAttributes redirect) {
        if (username.equals(admin.getName())) {
            // Disabling yourself would leave the shop without the admin who is working right now.
            redirect.addFlashAttribute("problem", "admin.operators.notYourself");
            return ConsoleViews.redirect(HERE);
        }
        return change(username, admin, "operator.disabled", redirect, () -> operators.setEnabled(username, false));
    }

    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, Principal admin, RedirectAttributes redirect) {
        return change(username, admin, "operator.unlocked", redirect, () -> operators.unlock(username));
    }

    private String change(String username, Principal admin, String action, RedirectAttributes redirect, Runnable work) {
        transaction.executeWithoutResult(status -> {
            work.run();
            audit.record(admin.getName(), action, "operator", username, Map.of());
        });
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
        return ConsoleViews.ADMIN_OPERATORS;
    }
}
