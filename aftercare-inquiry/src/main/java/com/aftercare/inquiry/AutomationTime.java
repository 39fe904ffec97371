package com.aftercare.inquiry;

import java.time.Duration;
import java.time.Instant;

/**
 * The time condition of a time rule: "{@code amount} {@code unit} since {@code since}" (hours
 * since created, business days waiting on the customer) or, for a due time, "{@code amount}
 * {@code unit} or less before it" (the SLA about to breach). Business units count only the shop's
 * business hours, as the SLA does; a business day is one working day's length.
 */
public record AutomationTime(Since since, int amount, Unit unit) {

    /** The longest amount a form takes (about a year in hours). */
    public static final int MAX_AMOUNT = 10_000;

    /** What the time counts from, or up to. */
    public enum Since {
        CREATED,
        UPDATED,
        WAITING,
        FIRST_RESPONSE_DUE,
        RESOLUTION_DUE;

        boolean dueTime() {
            return this == FIRST_RESPONSE_DUE || this == RESOLUTION_DUE;
        }
    }

    public enum Unit {
        MINUTES,
        HOURS,
        BUSINESS_HOURS,
        BUSINESS_DAYS;

        boolean business() {
            return this == BUSINESS_HOURS || this == BUSINESS_DAYS;
        }
    }

    /**
     * The instant the condition counts from (or up to) for this inquiry, or null when it has none
     * now: not waiting, already answered, or waiting (the resolution clock is paused then).
     */
    Instant anchor(InquiryFacts facts) {
        return switch (since) {
            case CREATED -> facts.createdAt();
            case UPDATED -> facts.updatedAt();
            case WAITING -> facts.waitingSince();
            case FIRST_RESPONSE_DUE -> facts.firstRespondedAt() == null ? facts.firstResponseDueAt() : null;
            case RESOLUTION_DUE -> facts.waitingSince() == null ? facts.resolutionDueAt() : null;
        };
    }

    /** Whether the time has come at {@code now}; {@code sla} counts business time. */
    boolean reached(InquiryFacts facts, Instant now, SlaPolicy sla) {
        Instant anchor = anchor(facts);
        if (anchor == null) {
            return false;
        }
        Duration length = length(sla.businessDay());
        if (since.dueTime()) {
            // "N before the due time": anything past the due time is inside too
            Duration left = unit.business() ? sla.businessTime(now, anchor) : Duration.between(now, anchor);
            return !now.isBefore(anchor) || left.compareTo(length) <= 0;
        }
        Duration passed = unit.business() ? sla.businessTime(anchor, now) : Duration.between(anchor, now);
        return passed.compareTo(length) >= 0;
    }

    /**
     * The earliest instant at which the condition could hold, in wall-clock time: business time
     * never runs faster than the wall clock, so a candidate search may skip everything later.
     */
    Instant earliestAnchor(Instant now, Duration businessDay) {
        return since.dueTime() ? null : now.minus(length(businessDay));
    }

    /** A rule fires once per occasion: once per due time, wait or creation it counted from. */
    String occasion(InquiryFacts facts) {
        return "time:" + since + ":" + anchor(facts).getEpochSecond();
    }

    private Duration length(Duration businessDay) {
        return switch (unit) {
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS, BUSINESS_HOURS -> Duration.ofHours(amount);
            case BUSINESS_DAYS -> businessDay.multipliedBy(amount);
        };
    }
}
