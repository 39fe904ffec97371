package com.aftercare.web.console.returns;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A day without pick-ups as posted (an ISO date from the date input). */
record NonWorkingDayForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {

    static NonWorkingDayForm empty() {
        return new NonWorkingDayForm(null);
    }
}
