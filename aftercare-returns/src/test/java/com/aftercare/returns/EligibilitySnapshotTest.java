package com.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.returns.policy.Eligibility;
import com.aftercare.returns.policy.Payer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilitySnapshotTest {

    static Eligibility allowed(LocalDate until, Payer payer, boolean free, Long fee, String reason) {
        return new Eligibility(true, until, payer, free, fee, reason, List.of());
    }

    @Test
    void shouldTellAMultiLineClaimTheEarliestDeadlineAndThatTheCustomerPaysIfAnyLineDoes() {
        EligibilitySnapshot snapshot = EligibilitySnapshot.combining(List.of(
                allowed(LocalDate.of(2025, 11, 30), Payer.SHOP, true, null, "eligibility.withinWindow"),
                allowed(LocalDate.of(2025, 11, 28), Payer.CUSTOMER, true, null, "eligibility.statutoryWindow"),
                allowed(null, Payer.SHOP, true, null, "eligibility.shopsFault")));

        assertThat(snapshot.reason()).as("the first line's wording").isEqualTo("eligibility.withinWindow");
        assertThat(snapshot.until()).isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(snapshot.returnShipping()).isEqualTo(Payer.CUSTOMER);
        assertThat(snapshot.free()).isTrue();
        assertThat(snapshot.feeYen()).isNull();
    }

    @Test
    void shouldBeFreeOnlyIfEveryLineIsAndAddTheFeesUp() {
        EligibilitySnapshot snapshot = EligibilitySnapshot.combining(List.of(
                allowed(null, Payer.CUSTOMER, false, 3300L, "eligibility.recycling"),
                allowed(null, Payer.CUSTOMER, true, 1100L, "eligibility.recycling")));

        assertThat(snapshot.free()).isFalse();
        assertThat(snapshot.feeYen()).isEqualTo(4400);
    }

    @Test
    void shouldRefuseANegativeFeeAndAMissingWording() {
        assertThatThrownBy(() -> new EligibilitySnapshot("eligibility.recycling", null, Payer.CUSTOMER, false, -1L))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("feeYen"));
        assertThatThrownBy(() -> new EligibilitySnapshot(null, null, Payer.SHOP, true, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> EligibilitySnapshot.combining(List.of())).isInstanceOf(InvalidValue.class);
    }
}
