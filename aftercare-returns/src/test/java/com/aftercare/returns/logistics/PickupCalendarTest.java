package com.aftercare.returns.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PickupCalendarTest {

    static final LocalDate TODAY = LocalDate.of(2025, 12, 29);
    static final Set<LocalDate> CLOSED = Set.of(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1));
    final PickupCalendar calendar = new PickupCalendar(TODAY.atTime(10, 0), CLOSED);

    @Test
    void shouldOfferTheNextTwoWeeksFromTomorrowWithoutTheNonWorkingDays() {
        assertThat(calendar.days())
                .startsWith(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 2))
                .hasSize(PickupCalendar.HORIZON_DAYS - 2)
                .last()
                .isEqualTo(TODAY.plusDays(PickupCalendar.HORIZON_DAYS));
    }

    @Test
    void shouldNoLongerOfferTomorrowOnceTheShopsDayHasPassedTheCutoff() {
        PickupCalendar evening = new PickupCalendar(TODAY.atTime(PickupCalendar.CUTOFF), CLOSED);

        assertThat(new PickupCalendar(TODAY.atTime(16, 59), CLOSED).days())
                .first()
                .isEqualTo(TODAY.plusDays(1));
        assertThat(evening.days()).first().isEqualTo(LocalDate.of(2026, 1, 2));
        assertThatThrownBy(() -> evening.check("2025-12-30", "MORNING"))
                .isInstanceOfSatisfying(
                        PickupRefused.class, e -> assertThat(e.refusal()).isEqualTo(PickupRefused.Refusal.PAST));
    }

    @Test
    void shouldBookAnOfferedDayInACarrierBand() {
        assertThat(calendar.check("2025-12-30", "MORNING"))
                .isEqualTo(new PickupCalendar.Pickup(LocalDate.of(2025, 12, 30), PickupSlot.MORNING));
        assertThat(calendar.check(" 2026-01-12 ", "H19_21").slot().code()).isEqualTo("1921");
    }

    @Test
    void shouldRefuseTodayAndThePastOnTheDate() {
        assertRefused("2025-12-29", "H14_16", "pickupDate", PickupRefused.Refusal.PAST);
        assertRefused("2025-01-01", "H14_16", "pickupDate", PickupRefused.Refusal.PAST);
    }

    @Test
    void shouldRefuseANonWorkingDayAndADayBeyondTheHorizon() {
        assertRefused("2026-01-01", "H14_16", "pickupDate", PickupRefused.Refusal.NON_WORKING_DAY);
        assertRefused("2026-01-13", "H14_16", "pickupDate", PickupRefused.Refusal.TOO_FAR);
    }

    @Test
    void shouldRefuseAMissingOrMalformedDate() {
        assertRefused(null, "H14_16", "pickupDate", PickupRefused.Refusal.MISSING_DATE);
        assertRefused("", "H14_16", "pickupDate", PickupRefused.Refusal.MISSING_DATE);
        assertRefused("2026/01/05", "H14_16", "pickupDate", PickupRefused.Refusal.MISSING_DATE);
        assertRefused("2026-02-30", "H14_16", "pickupDate", PickupRefused.Refusal.MISSING_DATE);
    }

    @Test
    void shouldRefuseABandTheCarriersDoNotOffer() {
        assertRefused("2026-01-05", "H12_14", "pickupSlot", PickupRefused.Refusal.NOT_A_BAND);
        assertRefused("2026-01-05", "morning", "pickupSlot", PickupRefused.Refusal.NOT_A_BAND);
        assertRefused("2026-01-05", null, "pickupSlot", PickupRefused.Refusal.NOT_A_BAND);
    }

    private void assertRefused(String date, String slot, String field, PickupRefused.Refusal refusal) {
        assertThatThrownBy(() -> calendar.check(date, slot)).isInstanceOfSatisfying(PickupRefused.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.refusal()).isEqualTo(refusal);
        });
    }
}
