package com.aftercare.domain.mail.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * How many promotional mails one customer may get: at most {@code perDay} on a calendar day and
 * {@code perWeek} in any seven consecutive calendar days, both in the shop's zone, counted across
 * every scenario and newsletter. Transactional mail is never capped.
 */
public record FrequencyCap(int perDay, int perWeek, ZoneId zone) {

    public FrequencyCap {
        Objects.requireNonNull(zone, "zone");
        if (perDay < 1 || perWeek < perDay) {
            throw new IllegalArgumentException("Need 1 <= perDay <= perWeek, got " + perDay + "/" + perWeek);
        }
    }

    /**
     * The first calendar day, on or after the candidate's, on which one more promotional mail fits
     * beside the ones already sent or scheduled; empty when the candidate's own day fits.
     *
     * @param others the customer's promotional mails already sent or scheduled, any order
     */
    public Optional<LocalDate> postponeTo(Instant candidate, Collection<Instant> others) {
        LocalDate day = candidate.atZone(zone).toLocalDate();
        for (int tries = 0; tries < 400; tries++) {
            if (fits(day, others)) {
                return tries == 0 ? Optional.empty() : Optional.of(day);
            }
            day = day.plusDays(1);
        }
        throw new IllegalStateException("No day within 400 days fits the cap; the schedule is full");
    }

    public boolean allows(Instant candidate, Collection<Instant> others) {
        return fits(candidate.atZone(zone).toLocalDate(), others);
    }

    private boolean fits(LocalDate day, Collection<Instant> others) {
        long sameDay = others.stream().filter(i -> localDay(i).equals(day)).count();
        if (sameDay >= perDay) {
            return false;
        }
        // every 7-day window that contains the day must keep room for one more
        for (int windowStart = -6; windowStart <= 0; windowStart++) {
            LocalDate from = day.plusDays(windowStart);
            LocalDate to = from.plusDays(6);
            long inWindow = others.stream()
                    .map(this::localDay)
                    .filter(d -> !d.isBefore(from) && !d.isAfter(to))
                    .count();
            if (inWindow >= perWeek) {
                return false;
            }
        }
        return true;
    }

    private LocalDate localDay(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
