package com.aftercare.domain.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class DiscountTest {

    @Test
    void shouldRoundAPercentageDownToWholeYen() {
        assertThat(Discount.percent(10).maximumOff(3_999)).isEqualTo(399);
    }

    @Test
    void shouldNeverTakeMoreYenThanTheOrderIsWorth() {
        assertThat(Discount.yen(500).maximumOff(300)).isEqualTo(300);
        assertThat(Discount.yen(500).maximumOff(3_000)).isEqualTo(500);
    }

    @Test
    void shouldRefuseNothingOffAndMoreThanAHundredPercent() {
        assertThatThrownBy(() -> Discount.yen(0)).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Discount.percent(101)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void shouldFormatForMails() {
        assertThat(Discount.percent(15).formatted()).isEqualTo("15%");
        assertThat(Discount.yen(1800).formatted()).isEqualTo("¥1,800");
    }
}
