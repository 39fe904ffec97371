package com.aftercare.stepmail.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepDelayTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @ParameterizedTest(name = "trigger {0} + {1} {2} at {3} → {4}")
    @CsvSource({
        "2026-11-23T10:15:00, 0,  MINUTES, ,      2026-11-23T10:15:00",
        "2026-11-23T10:15:00, 90, MINUTES, ,      2026-11-23T11:45:00",
        "2026-11-23T22:00:00, 3,  HOURS,   ,      2026-11-24T01:00:00",
        "2026-11-23T23:50:00, 1,  DAYS,    10:00, 2026-11-24T10:00:00",
        "2026-11-24T00:10:00, 1,  DAYS,    10:00, 2026-11-25T10:00:00",
        "2026-11-23T15:00:00, 3,  DAYS,    10:00, 2026-11-26T10:00:00",
        "2026-11-23T15:00:00, 7,  DAYS,    ,      2026-11-30T15:00:00",
        "2026-01-31T12:00:00, 30, DAYS,    10:00, 2026-03-02T10:00:00",
        "2028-02-28T12:00:00, 1,  DAYS,    10:00, 2028-02-29T10:00:00",
        "2026-12-31T18:00:00, 1,  DAYS,    09:30, 2027-01-01T09:30:00",
    })
    void shouldCountDaysInTheShopsCalendar(
            String trigger, int amount, StepDelay.Unit unit, LocalTime at, String expected) {
        assertThat(new StepDelay(amount, unit, at).dueAfter(jst(trigger), TOKYO))
                .isEqualTo(jst(expected));
    }

    @Test
    void shouldRefuseANegativeDelay() {
        assertThatThrownBy(() -> new StepDelay(-1, StepDelay.Unit.DAYS, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void shouldRefuseATimeOfDayOnAnHourlyDelay() {
        assertThatThrownBy(() -> new StepDelay(2, StepDelay.Unit.HOURS, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1} at {2} lies {3} after its trigger on the timeline")
    @CsvSource({
        "0,  MINUTES, ,      PT0S",
        "90, MINUTES, ,      PT1H30M",
        "36, HOURS,   ,      PT36H",
        "3,  DAYS,    ,      PT72H",
        "3,  DAYS,    10:00, PT82H",
        "30, DAYS,    23:59, PT743H59M",
    })
    void shouldPlaceEachDelayOnTheTimeline(int amount, StepDelay.Unit unit, LocalTime at, java.time.Duration offset) {
        assertThat(new StepDelay(amount, unit, at).nominalOffset()).isEqualTo(offset);
    }

    @Test
    void shouldOrderDayThreeAtTenBetweenDayThreeAndDayFour() {
        assertThat(StepDelay.days(3, LocalTime.of(10, 0)).nominalOffset())
                .isGreaterThan(new StepDelay(3, StepDelay.Unit.DAYS, null).nominalOffset())
                .isLessThan(new StepDelay(4, StepDelay.Unit.DAYS, null).nominalOffset());
    }

    @Test
    void shouldTellWhetherADelayStaysWithinALimit() {
        java.time.Duration tenYears = java.time.Duration.ofDays(3660);
        assertThat(new StepDelay(3660, StepDelay.Unit.DAYS, null).isWithin(tenYears))
                .isTrue();
        assertThat(new StepDelay(3660, StepDelay.Unit.DAYS, LocalTime.of(0, 1)).isWithin(tenYears))
                .isFalse();
        assertThat(new StepDelay(Integer.MAX_VALUE, StepDelay.Unit.MINUTES, null).isWithin(tenYears))
                .isFalse();
    }

    private static Instant jst(String local) {
        return OffsetDateTime.parse(local + "+09:00").toInstant();
    }
}
