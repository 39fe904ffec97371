package com.aftercare.domain.mail.rules;

import static com.aftercare.domain.mail.rules.QuietHoursTest.jst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencyCapTest {

    private final FrequencyCap oneADayThreeAWeek = new FrequencyCap(1, 3, ZoneId.of("Asia/Tokyo"));

    @Test
    void shouldAllowTheFirstPromotionalMail() {
        assertThat(oneADayThreeAWeek.allows(jst("2026-11-23T10:00:00"), List.of()))
                .isTrue();
        assertThat(oneADayThreeAWeek.postponeTo(jst("2026-11-23T10:00:00"), List.of()))
                .isEmpty();
    }

    @Test
    void shouldPostponeASecondMailOnTheSameShopDayToTheNextDay() {
        List<Instant> sent = List.of(jst("2026-11-23T09:30:00"));

        assertThat(oneADayThreeAWeek.allows(jst("2026-11-23T20:00:00"), sent)).isFalse();
        assertThat(oneADayThreeAWeek.postponeTo(jst("2026-11-23T20:00:00"), sent))
                .contains(LocalDate.of(2026, 11, 24));
    }

    @Test
    void shouldCountDaysInTheShopZoneNotInUtc() {
        // 2026-11-23T16:00Z is already the 24th in Tokyo: a different shop day from the 23rd 10:00 JST.
        List<Instant> sent = List.of(jst("2026-11-23T10:00:00"));

        assertThat(oneADayThreeAWeek.allows(Instant.parse("2026-11-23T16:00:00Z"), sent))
                .isTrue();
    }

    @Test
    void shouldKeepTheWeeklyCapAcrossScenariosIncludingMailsAlreadyScheduled() {
        List<Instant> others = List.of(
                jst("2026-11-20T10:00:00"), // a newsletter
                jst("2026-11-22T10:00:00"), // a review request
                jst("2026-11-26T10:00:00")); // a coupon already scheduled

        // the 23rd sits in windows 17–23 … 23–29; 20–26 already holds three
        assertThat(oneADayThreeAWeek.allows(jst("2026-11-23T10:00:00"), others)).isFalse();
        // the first day whose every 7-day window keeps room: the 27th (window 21–27 holds 22nd and 26th)
        assertThat(oneADayThreeAWeek.postponeTo(jst("2026-11-23T10:00:00"), others))
                .contains(LocalDate.of(2026, 11, 27));
    }

    @Test
    void shouldRefuseACapThatAllowsNothing() {
        assertThatThrownBy(() -> new FrequencyCap(0, 3, ZoneId.of("Asia/Tokyo")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrequencyCap(2, 1, ZoneId.of("Asia/Tokyo")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
