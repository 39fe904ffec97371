package com.aftercare.web.console.figures;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.InquiryFigures;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.CsvDownload;
import com.aftercare.web.console.OperatorNames;
import com.aftercare.web.console.StorefrontChoice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The figures page for a period (default: the last 30 days) and storefront: first the business
 * view that joins the areas (repeat purchases, LTV, touches, returns, satisfaction against first
 * response: {@link BusinessTables}), then the desk's first response, resolution, satisfaction and
 * volume. A bad period gets field messages and a 400, never figures of some other period.
 */
@Controller
@RequestMapping("/console/figures")
class FiguresController {

    private static final String FORM = "period";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d");

    private static final List<String> DAY_COLUMNS = List.of("figures.day", "figures.opened", "figures.resolved");
    private static final List<String> OPERATOR_COLUMNS = List.of(
            "inquiry.assignee",
            "figures.opened",
            "figures.resolved",
            "csv.figures.firstResponseHours",
            "csv.figures.resolutionHours",
            "csv.figures.firstResponseBusinessHours",
            "csv.figures.slaFirstResponsePercent",
            "csv.figures.slaResolutionPercent",
            "csv.figures.csatAverage",
            "csv.figures.csatCount");

    private final InquiryFigures figures;
    private final Storefronts storefronts;
    private final StorefrontChoice storefrontChoice;
    private final CsvDownload csv;
    private final BusinessTables business;
    private final OperatorNames operatorNames;

    FiguresController(
            InquiryFigures figures,
            Storefronts storefronts,
            StorefrontChoice storefrontChoice,
            CsvDownload csv,
            BusinessTables business,
            OperatorNames operatorNames) {
        this.figures = figures;
        this.storefronts = storefronts;
        this.storefrontChoice = storefrontChoice;
        this.csv = csv;
        this.business = business;
        this.operatorNames = operatorNames;
    }

    @GetMapping
    String figures(
            @ModelAttribute(FORM) PeriodForm form, BindingResult errors, Model model, HttpServletResponse response) {
        model.addAttribute("storefronts", storefronts.all());
        return ConsoleForms.submit(errors, response, () -> show(form, model), () -> ConsoleViews.DESK_FIGURES);
    }

    /**
     * One table of the page ({@code table=operators} or {@code days}, or a business table:
     * {@code repeat}, {@code second-purchase}, {@code cohorts}, {@code touches}, {@code csat}) for
     * the same period and storefront, as a CSV file: times in hours and shares in percent as plain
     * numbers. The returns tables are the claims figures' own files.
     */
    @GetMapping("/export")
    void export(
            @ModelAttribute(FORM) PeriodForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "operators") String table,
            Principal supervisor,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        PeriodForm.refuseUnreadable(errors);
        StorefrontId storefront = storefrontChoice.of(form.storefront());
        ReportingPeriod period = periodOf(form);
        Optional<CsvDownload.Export> businessTable = business.export(table, form.exportFilter(period, table));
        if (businessTable.isPresent()) {
            csv.send(businessTable.get(), supervisor, request, response, business.rows(table, period, storefront));
            return;
        }
        InquiryFigures.Figures result = figuresFor(form);
        Map<String, Object> filter = form.exportFilter(result.period(), table);
        if (table.equals("days")) {
            csv.send(
                    new CsvDownload.Export("figures-days", DAY_COLUMNS, filter),
                    supervisor,
                    request,
                    response,
                    sheet -> result.perDay().forEach(d -> sheet.row(d.day(), d.opened(), d.resolved())));
        } else if (table.equals("operators")) {
            csv.send(
                    new CsvDownload.Export("figures-operators", OPERATOR_COLUMNS, filter),
                    supervisor,
                    request,
                    response,
                    sheet -> result.perOperator().forEach(o -> {
                        InquiryFigures.Measures m = o.measures();
                        sheet.row(
                                o.operator(),
                                m.opened(),
                                m.resolved(),
                                m.firstResponse().medianHours(),
                                m.resolution().medianHours(),
                                m.firstResponseBusiness().medianHours(),
                                m.sla().firstResponsePercent(),
                                m.sla().resolutionPercent(),
                                m.csat().average(),
                                m.csat().count());
                    }));
        } else {
            throw new InvalidValue("table", "is not a table of the figures page");
        }
    }

    /** The figures of the period and storefront the form asks for (the last 30 days by default). */
    private InquiryFigures.Figures figuresFor(PeriodForm form) {
        StorefrontId storefront = storefrontChoice.of(form.storefront());
        ReportingPeriod period = periodOf(form);
        return figures.of(period.from(), period.to(), storefront);
    }

    private ReportingPeriod periodOf(PeriodForm form) {
        return form.empty() ? figures.lastThirtyDays() : new ReportingPeriod(form.from(), form.to());
    }

    private String show(PeriodForm form, Model model) {
        InquiryFigures.Figures result = figuresFor(form);
        model.addAttribute(
                FORM, new PeriodForm(result.period().from(), result.period().to(), form.storefront()));
        model.addAttribute("figures", result);
        business.addTo(model, result.period(), result.storefront());
        model.addAttribute("channelChart", ColumnChart.of("channel.", byName(result.byChannel())));
        model.addAttribute("categoryChart", ColumnChart.of("category.", byName(result.byCategory())));
        model.addAttribute("dayChart", ColumnChart.of("", perDay(result)));
        model.addAttribute("operatorChart", ColumnChart.of("", perOperator(result)));
        return ConsoleViews.DESK_FIGURES;
    }

    private static <E extends Enum<E>> Map<String, Long> byName(Map<E, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((k, v) -> named.put(k.name(), v));
        return named;
    }

    private static Map<String, Long> perDay(InquiryFigures.Figures result) {
        Map<String, Long> days = new LinkedHashMap<>();
        result.perDay().forEach(d -> days.put(DAY.format(d.day()), d.opened()));
        return days;
    }

    /** Each operator's column, labelled with the name the operators know each other by. */
    private Map<String, Long> perOperator(InquiryFigures.Figures result) {
        Map<String, Long> operators = new LinkedHashMap<>();
        result.perOperator()
                .forEach(o -> operators.put(
                        operatorNames.of(o.operator()), o.measures().opened()));
        return operators;
    }
}
