package com.aftercare.stepmail.timing;

import static com.aftercare.stepmail.timing.QuietHoursTest.jst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
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
}
