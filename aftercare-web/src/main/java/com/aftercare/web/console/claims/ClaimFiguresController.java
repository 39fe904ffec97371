package com.aftercare.web.console.claims;

import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimFigures;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.StorefrontChoice;
import com.aftercare.web.console.figures.PeriodForm;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The claims' figures of a period (default: the last 30 days) and optionally one storefront:
 * return rates of the orders placed then, reasons, refunds. A bad period or a forged storefront
 * gets field messages and a 400, never figures of something else.
 */
@Controller
class ClaimFiguresController {

    private static final String FORM = "period";

    private final ClaimFigures figures;
    private final Storefronts storefronts;
    private final StorefrontChoice storefrontChoice;

    ClaimFiguresController(ClaimFigures figures, Storefronts storefronts, StorefrontChoice storefrontChoice) {
        this.figures = figures;
        this.storefronts = storefronts;
        this.storefrontChoice = storefrontChoice;
    }

    @GetMapping("/console/claims/figures")
    String figures(
            @ModelAttribute(FORM) PeriodForm form, BindingResult errors, Model model, HttpServletResponse response) {
        model.addAttribute("storefronts", storefronts.all());
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    ReportingPeriod period =
                            form.empty() ? figures.lastThirtyDays() : new ReportingPeriod(form.from(), form.to());
                    model.addAttribute("figures", figures.of(period, storefrontChoice.of(form.storefront())));
                    model.addAttribute(FORM, new PeriodForm(period.from(), period.to(), form.storefront()));
                    return ConsoleViews.CLAIM_FIGURES;
                },
                () -> ConsoleViews.CLAIM_FIGURES);
    }
}
