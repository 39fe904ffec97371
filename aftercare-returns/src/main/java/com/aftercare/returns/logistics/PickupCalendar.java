package com.aftercare.returns.logistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which days a pick-up may be booked for: from tomorrow (the shop books it with the carrier the
 * day before), or the day after once the shop's day has passed {@link #CUTOFF} (a request made in
 * the evening reaches the carrier too late for the next morning), up to {@link #HORIZON_DAYS}
 * days ahead, leaving out the storefront's non-working days. A pure function of the shop's local
 * time and the calendar, so every rule is tested without Spring.
 *
 * @param now the shop's local date and time (its time zone)
 * @param nonWorkingDays the storefront's days without pick-ups
 */
public record PickupCalendar(LocalDateTime now, Set<LocalDate> nonWorkingDays) {

    /** How far ahead a pick-up may be booked, in calendar days from today. */
    public static final int HORIZON_DAYS = 14;

    /** From this time of the shop's day on, tomorrow is no longer offered. */
    public static final LocalTime CUTOFF = LocalTime.of(17, 0);

    public PickupCalendar {
        nonWorkingDays = Set.copyOf(nonWorkingDays);
    }

    /** The first day a pick-up may be booked for, closed or not. */
    public LocalDate earliest() {
        LocalDate today = now.toLocalDate();
        return now.toLocalTime().isBefore(CUTOFF) ? today.plusDays(1) : today.plusDays(2);
    }

    /** The days offered, in order. */
    public List<LocalDate> days() {
        LocalDate last = now.toLocalDate().plusDays(HORIZON_DAYS);
        return Stream.iterate(earliest(), d -> !d.isAfter(last), d -> d.plusDays(1))
                .filter(d -> !nonWorkingDays.contains(d))
                .toList();
    }

    /** The booking as the form sent it (an ISO date and a band's name), checked; else a refusal on its field. */
    public Pickup check(String date, String slot) {
        if (date == null || date.isBlank()) {
            throw new PickupRefused("pickupDate", PickupRefused.Refusal.MISSING_DATE, "choose a day");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new PickupRefused("pickupDate", PickupRefused.Refusal.MISSING_DATE, "not a date: " + date);
        }
        if (day.isBefore(earliest())) {
            throw new PickupRefused("pickupDate", PickupRefused.Refusal.PAST, day + " is before " + earliest());
        }
        if (day.isAfter(now.toLocalDate().plusDays(HORIZON_DAYS))) {
            throw new PickupRefused("pickupDate", PickupRefused.Refusal.TOO_FAR, day + " is too far ahead");
        }
        if (nonWorkingDays.contains(day)) {
            throw new PickupRefused("pickupDate", PickupRefused.Refusal.NON_WORKING_DAY, day + " is a non-working day");
        }
        PickupSlot band = PickupSlot.parse(slot)
                .orElseThrow(() -> new PickupRefused(
                        "pickupSlot", PickupRefused.Refusal.NOT_A_BAND, "not a carrier time band: " + slot));
        return new Pickup(day, band);
    }

    /** A booked pick-up: the day and the band. */
    public record Pickup(LocalDate date, PickupSlot slot) {}
}
