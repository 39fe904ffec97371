package com.aftercare.web.console.figures;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The period asked for: dates in the shop's time zone, both included; both empty means the
 * default. {@code storefront} optionally limits the figures to one storefront's inquiries.
 */
record PeriodForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        Long storefront) {

    boolean empty() {
        return from == null && to == null;
    }
}
