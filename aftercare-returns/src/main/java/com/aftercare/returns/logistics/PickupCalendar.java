package com.aftercare.returns.logistics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which days a pick-up may be booked for: from tomorrow (a carrier needs the request the day
 * before) for {@link #HORIZON_DAYS} days, leaving out the storefront's non-working days. A pure
 * function of the shop's today and the calendar, so every rule is tested without Spring.
 *
 * @param today the shop's date now (its time zone)
 * @param nonWorkingDays the storefront's days without pick-ups
 */
public record PickupCalendar(LocalDate today, Set<LocalDate> nonWorkingDays) {

    /** How far ahead a pick-up may be booked, in calendar days. */
    public static final int HORIZON_DAYS = 14;

    public PickupCalendar {
        nonWorkingDays = Set.copyOf(nonWorkingDays);
    }

    /** The days offered, in order. */
    public List<LocalDate> days() {
        return Stream.iterate(today.plusDays(1), d -> d.plusDays(1))
                .limit(HORIZON_DAYS)
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
        if (!day.isAfter(today)) {
            throw new PickupRefused("pickupDate", PickupRefused.Refusal.PAST, day + " is not after " + today);
        }
        if (day.isAfter(today.plusDays(HORIZON_DAYS))) {
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
