package com.aftercare.domain.mail.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final QuietHours evenings = QuietHours.evenings(TOKYO);

    @ParameterizedTest(name = "{0} JST → {1} JST")
    @CsvSource({
        "2026-11-23T20:59:59, 2026-11-23T20:59:59",
        "2026-11-23T21:00:00, 2026-11-24T09:00:00",
        "2026-11-23T23:59:00, 2026-11-24T09:00:00",
        "2026-11-24T00:00:00, 2026-11-24T09:00:00",
        "2026-11-24T08:59:59, 2026-11-24T09:00:00",
        "2026-11-24T09:00:00, 2026-11-24T09:00:00",
        "2026-11-30T22:30:00, 2026-12-01T09:00:00",
        "2026-12-31T21:00:00, 2027-01-01T09:00:00",
    })
    void shouldHoldMailDueInTheEveningUntilNineTheNextMorning(String dueJst, String expectedJst) {
        assertThat(evenings.nextAllowed(jst(dueJst))).isEqualTo(jst(expectedJst));
    }

    @Test
    void shouldReadTheWindowInTheShopZoneNotInUtc() {
        // 13:00 UTC is 22:00 in Tokyo: quiet there, although it is early afternoon in UTC.
        Instant afternoonUtc = Instant.parse("2026-11-23T13:00:00Z");

        assertThat(evenings.contains(afternoonUtc)).isTrue();
        assertThat(evenings.nextAllowed(afternoonUtc)).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void shouldHandleAWindowThatDoesNotCrossMidnight() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), TOKYO);

        assertThat(lunch.nextAllowed(jst("2026-11-23T12:30:00"))).isEqualTo(jst("2026-11-23T13:00:00"));
        assertThat(lunch.nextAllowed(jst("2026-11-23T13:00:00"))).isEqualTo(jst("2026-11-23T13:00:00"));
        assertThat(lunch.contains(jst("2026-11-23T11:59:59"))).isFalse();
    }

    @Test
    void shouldRefuseAnEmptyWindow() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON, TOKYO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Instant jst(String local) {
        return OffsetDateTime.parse(local + "+09:00").toInstant();
    }
}
