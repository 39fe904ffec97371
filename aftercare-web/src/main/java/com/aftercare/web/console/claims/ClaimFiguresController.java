package com.aftercare.web.console.claims;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimFigures;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.CsvDownload;
import com.aftercare.web.console.StorefrontChoice;
import com.aftercare.web.console.figures.FiguresRefresh;
import com.aftercare.web.console.figures.PeriodForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The claims' figures of a period (default: the last 30 days) and optionally one storefront:
 * return rates of the orders placed then (as of the figures' last refresh round), reasons and
 * refunds (live). A bad period or a forged storefront
 * gets field messages and a 400, never figures of something else.
 */
@Controller
class ClaimFiguresController {

    private static final String FORM = "period";

    private static final List<String> RATE_COLUMNS =
            List.of("claims.figures.sold", "claims.figures.returned", "csv.claims.ratePercent");

    private final ClaimFigures figures;
    private final Storefronts storefronts;
    private final StorefrontChoice storefrontChoice;
    private final CsvDownload csv;
    private final FiguresRefresh refresh;

    ClaimFiguresController(
            ClaimFigures figures,
            Storefronts storefronts,
            StorefrontChoice storefrontChoice,
            CsvDownload csv,
            FiguresRefresh refresh) {
        this.figures = figures;
        this.refresh = refresh;
        this.storefronts = storefronts;
        this.storefrontChoice = storefrontChoice;
        this.csv = csv;
    }

    /**
     * One table of the page ({@code table=products}, {@code categories} or {@code reasons}) for the
     * same period and storefront, as a CSV file.
     */
    @GetMapping("/console/claims/figures/export")
    void export(
            @ModelAttribute(FORM) PeriodForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "products") String table,
            Principal operator,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        PeriodForm.refuseUnreadable(errors);
        ReportingPeriod period = periodOf(form);
        ClaimFigures.Figures result = figures.of(period, storefrontChoice.of(form.storefront()));
        Map<String, Object> filter = form.exportFilter(period, table);
        CsvDownload.Export export;
        CsvDownload.Rows rows;
        switch (table) {
            case "products" -> {
                export = new CsvDownload.Export(
                        "claim-figures-products", columns("claims.figures.sku", "claims.figures.product"), filter);
                rows = sheet -> result.byProduct()
                        .forEach(r -> sheet.row(r.key(), r.label(), r.sold(), r.returned(), r.percent()));
            }
            case "categories" -> {
                export = new CsvDownload.Export("claim-figures-categories", columns("claims.figures.category"), filter);
                rows = sheet -> result.byCategory()
                        .forEach(r -> sheet.row(
                                r.key().isEmpty() ? sheet.message("claims.figures.noCategory") : r.key(),
                                r.sold(),
                                r.returned(),
                                r.percent()));
            }
            case "reasons" -> {
                export = new CsvDownload.Export(
                        "claim-figures-reasons",
                        List.of("claim.reason", "claims.figures.claims", "claims.figures.units"),
                        filter);
                rows = sheet -> result.byReason()
                        .forEach(r -> sheet.row(sheet.message("returnReason." + r.reason()), r.claims(), r.units()));
            }
            default -> throw new InvalidValue("table", "is neither products, categories nor reasons");
        }
        csv.send(export, operator, request, response, rows);
    }

    /** The key columns of a rate table, then sold, returned and the rate. */
    private static List<String> columns(String... keys) {
        List<String> columns = new ArrayList<>(List.of(keys));
        columns.addAll(RATE_COLUMNS);
        return columns;
    }

    private ReportingPeriod periodOf(PeriodForm form) {
        return form.empty() ? figures.lastThirtyDays() : new ReportingPeriod(form.from(), form.to());
    }

    @GetMapping("/console/claims/figures")
    String figures(
            @ModelAttribute(FORM) PeriodForm form, BindingResult errors, Model model, HttpServletResponse response) {
        model.addAttribute("storefronts", storefronts.all());
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    ReportingPeriod period = periodOf(form);
                    model.addAttribute("figures", figures.of(period, storefrontChoice.of(form.storefront())));
                    model.addAttribute("ratesAsOf", refresh.refreshedAt(FiguresRefresh.RETURN_RATES));
                    model.addAttribute(FORM, new PeriodForm(period.from(), period.to(), form.storefront()));
                    return ConsoleViews.CLAIM_FIGURES;
                },
                () -> ConsoleViews.CLAIM_FIGURES);
    }
}
