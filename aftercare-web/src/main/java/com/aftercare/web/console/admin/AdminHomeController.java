package com.aftercare.web.console.admin;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.web.console.ConsoleViews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin area's entry and its audit trail. Security lets only ADMINs in. */
@Controller
class AdminHomeController {

    private static final int RECENT = 100;

    private final AuditLog audit;

    AdminHomeController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/console/admin")
    String admin() {
        return ConsoleViews.redirect("/console/admin/operators");
    }

    @GetMapping("/console/admin/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.recent(RECENT));
        return ConsoleViews.ADMIN_AUDIT;
    }
}
