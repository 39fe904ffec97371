package com.aftercare.web.console.admin;

import com.aftercare.domain.privacy.RetentionJob;
import com.aftercare.domain.privacy.RetentionPeriods;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.StorefrontChoice;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Retention of personal data (admins): the periods of the shop and of each storefront, the report
 * of what the retention job removed, and a button that runs it now.
 */
@Controller
@RequestMapping("/console/admin/privacy")
class PrivacyAdminController {

    private static final String FORM = "retention";

    private final RetentionPeriods periods;
    private final RetentionJob job;
    private final Storefronts storefronts;
    private final StorefrontChoice storefrontChoice;

    PrivacyAdminController(
            RetentionPeriods periods, RetentionJob job, Storefronts storefronts, StorefrontChoice storefrontChoice) {
        this.periods = periods;
        this.job = job;
        this.storefronts = storefronts;
        this.storefrontChoice = storefrontChoice;
    }

    @GetMapping
    String page(Model model) {
        RetentionPeriods.Periods shop = periods.shopDefault();
        model.addAttribute(
                FORM,
                new RetentionForm(
                        null, shop.claimPhotoDays(), shop.bankAccountDays(), shop.inquiryDays(), shop.auditDays()));
        return show(model);
    }

    /** Saves the periods; a number out of range, a non-number or an unknown storefront is answered on the page (400). */
    @PostMapping("/retention")
    String save(
            @ModelAttribute(FORM) RetentionForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    periods.save(
                            new RetentionPeriods.Periods(
                                    storefrontChoice.of(form.storefront()),
                                    form.claimPhotoDays(),
                                    form.bankAccountDays(),
                                    form.inquiryDays(),
                                    form.auditDays()),
                            operator.getName());
                    redirect.addFlashAttribute("notice", "privacy.retention.saved");
                    return ConsoleViews.redirect("/console/admin/privacy");
                },
                () -> show(model));
    }

    @PostMapping("/run")
    String run(Principal operator, RedirectAttributes redirect) {
        int removed = job.run(operator.getName());
        redirect.addFlashAttribute("notice", "privacy.retention.ran");
        redirect.addFlashAttribute("removed", removed);
        return ConsoleViews.redirect("/console/admin/privacy");
    }

    private String show(Model model) {
        model.addAttribute("storefronts", storefronts.all());
        model.addAttribute("periods", periods.perStorefront());
        model.addAttribute("shopPeriods", periods.shopDefault());
        model.addAttribute("report", job.report());
        return ConsoleViews.ADMIN_PRIVACY;
    }
}
