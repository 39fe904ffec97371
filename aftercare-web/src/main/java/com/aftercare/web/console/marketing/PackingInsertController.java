package com.aftercare.web.console.marketing;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.stepmail.packing.PackingInserts;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shop's packing-insert card (supervisors): written here, checked when saved, audited. */
@Controller
@RequestMapping(PackingInsertController.HERE)
class PackingInsertController {

    static final String HERE = "/console/marketing/packing-insert";
    private static final String FORM = "card";

    private final PackingInserts inserts;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    PackingInsertController(PackingInserts inserts, AuditLog audit, TransactionTemplate transaction) {
        this.inserts = inserts;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping
    String edit(Model model) {
        model.addAttribute(FORM, PackingInsertForm.of(inserts.template()));
        return ConsoleViews.MARKETING_PACKING_INSERT;
    }

    @PostMapping
    String save(
            @ModelAttribute(FORM) PackingInsertForm form,
            BindingResult errors,
            Principal supervisor,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            transaction.executeWithoutResult(status -> {
                inserts.save(form.toCard(), supervisor.getName());
                audit.record(supervisor.getName(), "packing-insert.saved", "packing_insert_template", "1", Map.of());
            });
            redirect.addFlashAttribute("notice", "marketing.packing.saved");
            return ConsoleViews.redirect(HERE);
        } catch (InvalidValue e) {
            // the template's own problem (line, variable) is shown inside the bundle's message
            errors.rejectValue(e.field(), "invalid", new Object[] {e.getMessage()}, e.getMessage());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return ConsoleViews.MARKETING_PACKING_INSERT;
    }
}
