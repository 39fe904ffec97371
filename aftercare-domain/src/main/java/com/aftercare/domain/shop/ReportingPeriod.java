package com.aftercare.domain.shop;

import com.aftercare.domain.shared.InvalidValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days a figures page covers: shop dates, both included, at most {@value #MAX_DAYS} days. The
 * inquiry desk's and the claims' figures read the same period the same way.
 */
public record ReportingPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2999;

    /**
     * @throws InvalidValue on {@code from} or {@code to} when a date is missing or outside the
     *     years {@value #FIRST_YEAR}–{@value #LAST_YEAR}, {@code to} is before {@code from}, or
     *     the period is longer than {@value #MAX_DAYS} days
     */
    public ReportingPeriod {
        if (from == null) {
            throw new InvalidValue("from", "must not be null");
        }
        if (to == null) {
            throw new InvalidValue("to", "must not be null");
        }
        // a year the date parser takes but no figures can have (and time arithmetic cannot reach)
        if (from.getYear() < FIRST_YEAR || from.getYear() > LAST_YEAR) {
            throw new InvalidValue("from", "must be a date from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        if (to.getYear() < FIRST_YEAR || to.getYear() > LAST_YEAR) {
            throw new InvalidValue("to", "must be a date from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        if (to.isBefore(from)) {
            throw new InvalidValue("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidValue("to", "must be at most " + MAX_DAYS + " days after from");
        }
    }

    /** The thirty shop days up to and including today. */
    public static ReportingPeriod lastThirtyDays(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return new ReportingPeriod(today.minusDays(29), today);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The first instant of the period in the shop's zone. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period (exclusive end). */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
