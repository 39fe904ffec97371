package com.aftercare.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void shouldReduceJapaneseWritingsOfOneNumberToTheSameDigits() {
        assertThat(PhoneNumber.normalized("090-1234-5678")).isEqualTo("09012345678");
        assertThat(PhoneNumber.normalized("０９０－１２３４－５６７８")).isEqualTo("09012345678");
        assertThat(PhoneNumber.normalized("+81 90 1234 5678")).isEqualTo("09012345678");
        assertThat(PhoneNumber.normalized("＋８１９０１２３４５６７８")).isEqualTo("09012345678");
        assertThat(PhoneNumber.normalized("(03) 1234-5678")).isEqualTo("0312345678");
    }

    @Test
    void shouldGiveNullForNothingToNormalise() {
        assertThat(PhoneNumber.normalized(null)).isNull();
        assertThat(PhoneNumber.normalized(" - ")).isNull();
    }
}
