package com.aftercare.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SLA arithmetic in business hours (Mon–Fri 10:00–18:00 Asia/Tokyo); 2026-11-23 is a Monday. */
class SlaPolicyTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    static BusinessHours weekdays(Set<LocalDate> closed) {
        return new BusinessHours(
                TOKYO,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(10, 0),
                LocalTime.of(18, 0),
                closed);
    }

    static Instant jst(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(textBlock = """
            2026-11-27T17:30:00, PT1H,  2026-11-30T10:30:00
            2026-11-23T11:00:00, PT1H,  2026-11-23T12:00:00
            2026-11-23T17:00:00, PT1H,  2026-11-23T18:00:00
            2026-11-23T18:00:00, PT1H,  2026-11-24T11:00:00
            2026-11-23T17:59:59, PT1S,  2026-11-23T18:00:00
            2026-11-23T10:00:00, PT8H,  2026-11-23T18:00:00
            2026-11-23T10:00:00, PT9H,  2026-11-24T11:00:00
            2026-11-23T09:59:00, PT1H,  2026-11-23T11:00:00
            2026-11-23T00:00:00, PT1H,  2026-11-23T11:00:00
            2026-11-22T23:59:59, PT1H,  2026-11-23T11:00:00
            2026-11-28T12:00:00, PT4H,  2026-11-30T14:00:00
            2026-11-29T23:30:00, PT30M, 2026-11-30T10:30:00
            2026-11-27T23:00:00, PT1H,  2026-11-30T11:00:00
            2026-11-23T14:00:00, PT16H, 2026-11-25T14:00:00
            2026-11-27T14:00:00, PT16H, 2026-12-01T14:00:00
            """)
    void shouldCountOnlyBusinessHours(String from, Duration amount, String expected) {
        assertThat(weekdays(Set.of()).plus(jst(from), amount)).isEqualTo(jst(expected));
    }

    @Test
    void shouldSkipClosedDatesLikeHolidays() {
        // 2026-11-23 (Monday) is 勤労感謝の日.
        BusinessHours hours = weekdays(Set.of(LocalDate.of(2026, 11, 23)));

        assertThat(hours.plus(jst("2026-11-20T17:30:00"), Duration.ofHours(1))).isEqualTo(jst("2026-11-24T10:30:00"));
    }

    @Test
    void shouldComputeBothDueTimesFromPriorityTargets() {
        SlaPolicy policy = new SlaPolicy(weekdays(Set.of()), Map.of(), Map.of());

        SlaPolicy.Due urgent = policy.due(Channel.EMAIL, Priority.URGENT, jst("2026-11-27T17:30:00"));
        SlaPolicy.Due high = policy.due(Channel.EMAIL, Priority.HIGH, jst("2026-11-23T15:00:00"));

        assertThat(urgent.firstResponse()).isEqualTo(jst("2026-11-30T10:30:00"));
        assertThat(urgent.resolution()).isEqualTo(jst("2026-11-30T17:30:00"));
        assertThat(high.firstResponse()).isEqualTo(jst("2026-11-24T11:00:00"));
        assertThat(high.resolution()).isEqualTo(jst("2026-11-25T15:00:00"));
    }

    @Test
    void shouldUseTheFasterFirstResponseOfAChannelOnly() {
        SlaPolicy policy = new SlaPolicy(
                weekdays(Set.of()),
                Map.of(Priority.NORMAL, new SlaPolicy.Target(Duration.ofHours(8), Duration.ofHours(24))),
                Map.of(Channel.CHAT, Duration.ofMinutes(30), Channel.EMAIL, Duration.ofHours(40)));

        SlaPolicy.Due chat = policy.due(Channel.CHAT, Priority.NORMAL, jst("2026-11-23T10:00:00"));
        SlaPolicy.Due email = policy.due(Channel.EMAIL, Priority.NORMAL, jst("2026-11-23T10:00:00"));

        assertThat(chat.firstResponse()).isEqualTo(jst("2026-11-23T10:30:00"));
        assertThat(chat.resolution()).isEqualTo(jst("2026-11-25T18:00:00"));
        assertThat(email.firstResponse()).isEqualTo(jst("2026-11-23T18:00:00"));
    }

    @Test
    void shouldKeepDefaultsForPrioritiesNotConfigured() {
        SlaPolicy policy = new SlaPolicy(
                weekdays(Set.of()),
                Map.of(Priority.URGENT, new SlaPolicy.Target(Duration.ofMinutes(15), Duration.ofHours(2))),
                Map.of());

        assertThat(policy.due(Channel.PHONE, Priority.URGENT, jst("2026-11-23T10:00:00"))
                        .firstResponse())
                .isEqualTo(jst("2026-11-23T10:15:00"));
        assertThat(policy.due(Channel.PHONE, Priority.LOW, jst("2026-11-23T10:00:00"))
                        .firstResponse())
                .isEqualTo(jst("2026-11-24T18:00:00"));
    }

    @Test
    void shouldRefuseHoursThatCloseBeforeTheyOpen() {
        assertThatThrownBy(() -> new BusinessHours(
                        TOKYO, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), LocalTime.of(10, 0), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("close after they open");
    }

    @ParameterizedTest(name = "{0} .. {1} = {2} of business time")
    @CsvSource(textBlock = """
            2026-11-23T11:00:00, 2026-11-23T13:30:00, PT2H30M
            2026-11-27T17:00:00, 2026-11-30T11:00:00, PT2H
            2026-11-23T20:00:00, 2026-11-24T09:00:00, PT0S
            2026-11-28T10:00:00, 2026-11-29T18:00:00, PT0S
            2026-11-23T09:00:00, 2026-11-25T19:00:00, PT24H
            2026-11-23T13:00:00, 2026-11-23T12:00:00, PT0S
            """)
    void shouldCountOnlyBusinessTimeBetweenTwoInstants(String from, String to, Duration expected) {
        assertThat(weekdays(Set.of()).between(jst(from), jst(to))).isEqualTo(expected);
    }

    @Test
    void shouldSkipClosedDatesWhenCountingBusinessTime() {
        BusinessHours hours = weekdays(Set.of(LocalDate.parse("2026-11-24")));

        assertThat(hours.between(jst("2026-11-23T17:00:00"), jst("2026-11-25T11:00:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldMoveTheResolutionDueTimeOnByTheBusinessTimeOfAPause() {
        SlaPolicy policy = new SlaPolicy(weekdays(Set.of()), Map.of(), Map.of());
        Instant due = jst("2026-11-26T15:00:00");

        // waited Friday 17:00 until Monday 11:00: two business hours
        Duration weekend = policy.businessTime(jst("2026-11-27T17:00:00"), jst("2026-11-30T11:00:00"));
        assertThat(weekend).isEqualTo(Duration.ofHours(2));
        assertThat(policy.extended(due, weekend)).isEqualTo(jst("2026-11-26T17:00:00"));
        // waited over a night only: nothing moves
        Duration night = policy.businessTime(jst("2026-11-23T19:00:00"), jst("2026-11-24T09:30:00"));
        assertThat(policy.extended(due, night)).isEqualTo(due);
    }
}
