package com.aftercare.web.console.admin;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The admin area's entry and its audit trail. Security lets only ADMINs in. */
@Controller
class AdminHomeController {

    static final int PAGE = 50;
    private static final String FORM = "search";

    private final AuditLog audit;
    private final ShopProperties shop;

    AdminHomeController(AuditLog audit, ShopProperties shop) {
        this.audit = audit;
        this.shop = shop;
    }

    @GetMapping("/console/admin")
    String admin() {
        return ConsoleViews.redirect("/console/admin/operators");
    }

    /**
     * The whole trail, searched by who, what, whom and when, newest first, a page at a time (the
     * next page starts below the last entry shown). A date that does not parse, or an end before the
     * start, is answered on the page with 400.
     */
    @GetMapping("/console/admin/audit")
    String audit(
            @ModelAttribute(FORM) AuditSearchForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    AuditLog.Page page = audit.search(form.toSearch(shop.zone()), PAGE);
                    model.addAttribute("entries", page.entries());
                    model.addAttribute("nextBefore", page.nextBefore());
                    return ConsoleViews.ADMIN_AUDIT;
                },
                () -> {
                    model.addAttribute("entries", List.of());
                    return ConsoleViews.ADMIN_AUDIT;
                });
    }
}
