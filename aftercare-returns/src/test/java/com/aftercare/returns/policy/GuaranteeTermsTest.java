package com.aftercare.returns.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class GuaranteeTermsTest {

    @Test
    void shouldKeepTermsWhoseMinimumUseFitsThePeriod() {
        GuaranteeTerms terms = new GuaranteeTerms(30, 30, true, false, Payer.SHOP);

        assertThat(terms.minimumUseDays()).isEqualTo(terms.periodDays());
    }

    @Test
    void shouldRefuseAnEmptyPeriodOnThePolicyFormsField() {
        assertThatThrownBy(() -> new GuaranteeTerms(0, 0, false, false, Payer.SHOP))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("guaranteePeriodDays"));
    }

    @Test
    void shouldRefuseAMinimumUseLongerThanThePeriodOrNegative() {
        assertThatThrownBy(() -> new GuaranteeTerms(30, 31, false, false, Payer.SHOP))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("guaranteeMinimumUseDays"));
        assertThatThrownBy(() -> new GuaranteeTerms(30, -1, false, false, Payer.SHOP))
                .isInstanceOf(InvalidValue.class);
    }

    @Test
    void shouldRefuseTermsThatDoNotSayWhoPaysReturnShipping() {
        assertThatThrownBy(() -> new GuaranteeTerms(30, 7, false, false, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("guaranteeReturnShipping"));
    }
}
