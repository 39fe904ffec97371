package com.aftercare.inquiry;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The hours in which the shop answers inquiries, in its own time zone: the same opening and
 * closing time on each working day, with closed dates (holidays, 年末年始) on top.
 */
record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes, Set<LocalDate> closedDates) {

    BusinessHours {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one working day");
        }
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("business hours must close after they open: " + opens + "-" + closes);
        }
        days = Set.copyOf(days);
        closedDates = closedDates == null ? Set.of() : Set.copyOf(closedDates);
    }

    static BusinessHours of(ZoneId zone, InquiryProperties.BusinessHoursSettings settings) {
        return new BusinessHours(zone, settings.days(), settings.opens(), settings.closes(), settings.closedDates());
    }

    /** Whether {@code instant} falls on a working day, from opening time up to (not including) closing time. */
    boolean contains(Instant instant) {
        LocalDateTime at = LocalDateTime.ofInstant(instant, zone);
        LocalTime time = at.toLocalTime();
        return isWorkingDay(at.toLocalDate()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** The length of one working day: "2 business days" is twice this. */
    Duration day() {
        return Duration.between(opens, closes);
    }

    /**
     * The instant {@code amount} of business time after {@code start}. Time outside the hours does
     * not count, so a request at Friday 17:30 with one hour to go is due Monday 10:30. A target
     * that ends exactly at closing time is due at closing time, not the next morning.
     */
    Instant plus(Instant start, Duration amount) {
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("a target must be positive: " + amount);
        }
        LocalDateTime at = LocalDateTime.ofInstant(start, zone);
        Duration left = amount;
        while (true) {
            LocalDate date = at.toLocalDate();
            if (!isWorkingDay(date) || !at.toLocalTime().isBefore(closes)) {
                at = nextWorkingDay(date).atTime(opens);
                continue;
            }
            if (at.toLocalTime().isBefore(opens)) {
                at = date.atTime(opens);
            }
            Duration untilClose = Duration.between(at.toLocalTime(), closes);
            if (left.compareTo(untilClose) <= 0) {
                return at.plus(left).atZone(zone).toInstant();
            }
            left = left.minus(untilClose);
            at = nextWorkingDay(date).atTime(opens);
        }
    }

    /**
     * The business time between two instants: only the opening hours of working days count, so
     * Friday 17:00 to Monday 11:00 is two hours with the default 10:00–18:00. Zero when {@code to}
     * is not after {@code from}.
     */
    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            LocalDateTime open = date.atTime(opens);
            LocalDateTime close = date.atTime(closes);
            LocalDateTime a = start.isAfter(open) ? start : open;
            LocalDateTime b = end.isBefore(close) ? end : close;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    private boolean isWorkingDay(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !closedDates.contains(date);
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        // Bounded: at least one weekday works, so a year of closed dates is the worst case.
        for (int i = 0; i < 400 && !isWorkingDay(next); i++) {
            next = next.plusDays(1);
        }
        if (!isWorkingDay(next)) {
            throw new IllegalStateException("no working day within a year after " + date);
        }
        return next;
    }
}
