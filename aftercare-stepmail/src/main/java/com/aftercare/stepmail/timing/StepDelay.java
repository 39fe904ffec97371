package com.aftercare.stepmail.timing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * How long after its trigger a step is due: a number of minutes, hours or days, and for days
 * optionally a time of day in the shop's zone ("day 3 after delivery at 10:00"). Days count
 * calendar days in the shop's zone, so day 1 after a delivery at 23:50 is the next morning.
 */
@NamedInterface("scenarios")
public record StepDelay(int amount, Unit unit, LocalTime atTimeOfDay) {

    /** The unit of {@link #amount()}. */
    public enum Unit {
        MINUTES,
        HOURS,
        DAYS
    }

    public StepDelay {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("A step cannot be due before its trigger (delay " + amount + ")");
        }
        if (atTimeOfDay != null && unit != Unit.DAYS) {
            throw new IllegalArgumentException("A time of day only goes with a delay in days");
        }
    }

    public static StepDelay immediately() {
        return new StepDelay(0, Unit.MINUTES, null);
    }

    public static StepDelay days(int days, LocalTime at) {
        return new StepDelay(days, Unit.DAYS, at);
    }

    /**
     * How far from its trigger the step lands when the trigger is at midnight: what orders a
     * scenario's timeline ("day 3 at 10:00" comes after "day 3", before "day 4"). A delay in days
     * without a time of day keeps the trigger's own time, which the timeline reads as midnight.
     */
    public Duration nominalOffset() {
        switch (unit) {
            case MINUTES:
                return Duration.ofMinutes(amount);
            case HOURS:
                return Duration.ofHours(amount);
            default:
                Duration days = Duration.ofDays(amount);
                return atTimeOfDay == null ? days : days.plusSeconds(atTimeOfDay.toSecondOfDay());
        }
    }

    /** Whether the delay stays within {@code limit} of its trigger, the editor's sanity bound. */
    public boolean isWithin(Duration limit) {
        return nominalOffset().compareTo(limit) <= 0;
    }

    public Instant dueAfter(Instant trigger, ZoneId zone) {
        switch (unit) {
            case MINUTES:
                return trigger.plus(Duration.ofMinutes(amount));
            case HOURS:
                return trigger.plus(Duration.ofHours(amount));
            default:
                ZonedDateTime local = trigger.atZone(zone).plusDays(amount);
                return atTimeOfDay == null
                        ? local.toInstant()
                        : ZonedDateTime.of(local.toLocalDate(), atTimeOfDay, zone)
                                .toInstant();
        }
    }
}
