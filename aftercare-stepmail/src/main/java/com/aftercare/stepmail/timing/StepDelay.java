package com.aftercare.stepmail.timing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * How long after its trigger a step is due: a number of minutes, hours or days, and for days
 * optionally a time of day in the shop's zone ("day 3 after delivery at 10:00"). Days count
 * calendar days in the shop's zone, so day 1 after a delivery at 23:50 is the next morning.
 */
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
