package com.aftercare.returns.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefundCalculationTest {

    @Test
    void shouldRefundTheLinesLessRestockingAndReturnShippingInWholeYen() {
        RefundAmounts refund = RefundCalculation.full(List.of(3600L, 2399L), 10, 770);

        assertThat(refund.lines()).isEqualTo(5999);
        assertThat(refund.restockingFee()).as("10 % of 5,999 rounded down").isEqualTo(599);
        assertThat(refund.returnShipping()).isEqualTo(770);
        assertThat(refund.total()).isEqualTo(5999 - 599 - 770);
    }

    @Test
    void shouldNeverRefundLessThanNothing() {
        assertThat(RefundCalculation.full(List.of(500L), 0, 770).total()).isZero();
    }

    @Test
    void shouldCapAPartialRefundAtTheReturnedLines() {
        assertThat(RefundCalculation.partial(List.of(1800L, 1800L), 1000).total())
                .isEqualTo(1000);
        assertThatThrownBy(() -> RefundCalculation.partial(List.of(1800L), 1801))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RefundCalculation.partial(List.of(1800L), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> RefundCalculation.full(List.of(1800L), 101, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RefundCalculation.full(List.of(-1L), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RefundCalculation.full(List.of(1800L), 0, -5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
