package com.aftercare.returns.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class RefundAmountsTest {

    @Test
    void shouldAllowNothingUpToTheLinesValue() {
        assertThat(new RefundAmounts(3600, 0, 0, 0).total()).isZero();
        assertThat(new RefundAmounts(3600, 0, 0, 3600).total()).isEqualTo(3600);
    }

    @Test
    void shouldRefuseATotalAboveTheReturnedLines() {
        assertThatThrownBy(() -> new RefundAmounts(3600, 0, 0, 3601))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void shouldRefuseNegativeParts() {
        assertThatThrownBy(() -> new RefundAmounts(-1, 0, 0, 0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RefundAmounts(3600, -1, 0, 3600)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RefundAmounts(3600, 0, -1, 3600)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new RefundAmounts(3600, 0, 0, -1)).isInstanceOf(InvalidValue.class);
    }
}
