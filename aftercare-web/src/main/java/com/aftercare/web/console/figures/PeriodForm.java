package com.aftercare.web.console.figures;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The period a figures page asks for (the desk's and the claims'): dates in the shop's time zone,
 * both included; both empty means the default. {@code storefront} optionally limits the figures
 * to one storefront.
 */
public record PeriodForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        Long storefront) {

    public boolean empty() {
        return from == null && to == null;
    }
}
