package com.aftercare.domain.mail.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours of the shop's day in which no mail should arrive (相手の時間を考慮), for example 21:00
 * to 09:00 in Asia/Tokyo. A window whose start is after its end runs across midnight. A mail due
 * inside the window waits for its end.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (start.equals(end)) {
            throw new IllegalArgumentException("Quiet hours need a start different from their end");
        }
    }

    /** 21:00–09:00 in the given zone: the shop default. */
    public static QuietHours evenings(ZoneId zone) {
        return new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0), zone);
    }

    public boolean contains(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        if (crossesMidnight()) {
            return !local.isBefore(start) || local.isBefore(end);
        }
        return !local.isBefore(start) && local.isBefore(end);
    }

    /** The instant itself when it is outside the window, else the window's end. */
    public Instant nextAllowed(Instant due) {
        if (!contains(due)) {
            return due;
        }
        ZonedDateTime local = due.atZone(zone);
        LocalDate endDay = crossesMidnight() && !local.toLocalTime().isBefore(start)
                ? local.toLocalDate().plusDays(1)
                : local.toLocalDate();
        return ZonedDateTime.of(endDay, end, zone).toInstant();
    }

    /**
     * Whether a promotional message meant for the day, that something (a relay or LINE down, a
     * backlog) held until the hours began, must wait for their end. The send rules kept the hours
     * when they set its due time; one due inside them was sent there on purpose (an urgent step),
     * so only the delayed kind waits. Service messages never do.
     */
    public boolean holdsBack(boolean promotional, Instant dueAt, Instant now) {
        return promotional && contains(now) && !contains(dueAt);
    }

    private boolean crossesMidnight() {
        return start.isAfter(end);
    }
}
