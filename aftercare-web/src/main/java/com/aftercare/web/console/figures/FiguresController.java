package com.aftercare.web.console.figures;

import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.InquiryFigures;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.StorefrontChoice;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * First response, resolution, satisfaction and volume for a period (default: the last 30 days).
 * A bad period gets field messages and a 400, never figures of some other period.
 */
@Controller
@RequestMapping("/console/figures")
class FiguresController {

    private static final String FORM = "period";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d");

    private final InquiryFigures figures;
    private final Storefronts storefronts;
    private final StorefrontChoice storefrontChoice;

    FiguresController(InquiryFigures figures, Storefronts storefronts, StorefrontChoice storefrontChoice) {
        this.figures = figures;
        this.storefronts = storefronts;
        this.storefrontChoice = storefrontChoice;
    }

    @GetMapping
    String figures(
            @ModelAttribute(FORM) PeriodForm form, BindingResult errors, Model model, HttpServletResponse response) {
        model.addAttribute("storefronts", storefronts.all());
        return ConsoleForms.submit(errors, response, () -> show(form, model), () -> ConsoleViews.DESK_FIGURES);
    }

    private String show(PeriodForm form, Model model) {
        StorefrontId storefront = storefrontChoice.of(form.storefront());
        ReportingPeriod period = form.empty() ? figures.lastThirtyDays() : new ReportingPeriod(form.from(), form.to());
        InquiryFigures.Figures result = figures.of(period.from(), period.to(), storefront);
        model.addAttribute(
                FORM, new PeriodForm(result.period().from(), result.period().to(), form.storefront()));
        model.addAttribute("figures", result);
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

    private static Map<String, Long> perOperator(InquiryFigures.Figures result) {
        Map<String, Long> operators = new LinkedHashMap<>();
        result.perOperator()
                .forEach(o -> operators.put(o.operator(), o.measures().opened()));
        return operators;
    }
}
