package com.aftercare.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import org.junit.jupiter.api.Test;

/** The periods check themselves: days in range, the audit period for the whole shop only. */
class RetentionPeriodsTest {

    @Test
    void shouldTakeDaysFromOneToOneHundredYearsAndEmptyForKeepingThem() {
        RetentionPeriods.Periods periods = new RetentionPeriods.Periods(new StorefrontId(1), 1, 36500, null, null);

        assertThat(periods.claimPhotoDays()).isEqualTo(1);
        assertThat(periods.bankAccountDays()).isEqualTo(36500);
        assertThat(periods.inquiryDays()).isNull();
    }

    @Test
    void shouldRefuseZeroAndMoreThanOneHundredYearsNamingTheField() {
        assertThatThrownBy(() -> new RetentionPeriods.Periods(null, 0, null, null, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("claimPhotoDays"));
        assertThatThrownBy(() -> new RetentionPeriods.Periods(null, null, null, 36501, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("inquiryDays"));
    }

    @Test
    void shouldKeepTheAuditPeriodForTheWholeShop() {
        assertThat(new RetentionPeriods.Periods(null, null, null, null, 365).auditDays())
                .isEqualTo(365);
        assertThatThrownBy(() -> new RetentionPeriods.Periods(new StorefrontId(1), null, null, null, 365))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("auditDays"));
    }
}
