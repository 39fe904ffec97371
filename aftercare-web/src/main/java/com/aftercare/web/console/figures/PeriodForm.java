package com.aftercare.web.console.figures;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shop.ReportingPeriod;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The period a figures page asks for (the desk's and the claims'): dates in the shop's time zone,
 * both included; both empty means the default. {@code storefront} optionally limits the figures
 * to one storefront.
 */
public record PeriodForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        Long storefront) {

    /**
     * For a download, which has no form to show messages on: a date that did not parse is refused
     * (400) before anything is written, never read as "the default period".
     */
    public static void refuseUnreadable(BindingResult errors) {
        if (errors.hasErrors()) {
            throw new InvalidValue(errors.getFieldErrors().get(0).getField(), "is not a date");
        }
    }

    /** What a figures export records in the audit: the period shown, the storefront, the table. */
    public Map<String, Object> exportFilter(ReportingPeriod shown, String table) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("from", shown.from().toString());
        filter.put("to", shown.to().toString());
        filter.put("storefront", storefront);
        filter.put("table", table);
        return filter;
    }

    public boolean empty() {
        return from == null && to == null;
    }
}
