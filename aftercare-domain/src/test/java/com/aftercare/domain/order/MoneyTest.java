package com.aftercare.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");

    @ParameterizedTest(name = "{0} {1} reads {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "JPY |       0 | ¥0",
                "JPY |    1800 | ¥1,800",
                "JPY | 1234567 | ¥1,234,567",
                "JPY |   -1800 | -¥1,800",
                "JPY |     999 | ¥999",
                "JPY |  100000 | ¥100,000",
                "JPY | -9223372036854775808 | -¥9,223,372,036,854,775,808",
                "USD |    1250 | USD 12.50",
                "USD |       5 | USD 0.05",
                "USD | 1234500 | USD 12,345.00",
                "EUR |     999 | EUR 9.99",
                "BHD |   12345 | BHD 12.345",
            })
    void shouldFormatAsCustomersReadIt(String currency, long minor, String expected) {
        assertThat(new Money(minor, Currency.getInstance(currency)).formatted()).isEqualTo(expected);
    }

    @Test
    void shouldAddAndSubtractInTheSameCurrency() {
        assertThat(Money.yen(1_800).plus(Money.yen(200))).isEqualTo(Money.yen(2_000));
        assertThat(Money.yen(1_800).minus(Money.yen(2_000))).isEqualTo(Money.yen(-200));
        assertThat(new Money(1_250, USD).plus(new Money(50, USD))).isEqualTo(new Money(1_300, USD));
    }

    @Test
    void shouldRefuseToAddDifferentCurrencies() {
        assertThatThrownBy(() -> Money.yen(100).plus(new Money(100, USD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JPY")
                .hasMessageContaining("USD");
    }

    @Test
    void shouldRefuseToSubtractDifferentCurrencies() {
        assertThatThrownBy(() -> new Money(100, USD).minus(Money.yen(100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldThrowRatherThanWrapAroundOnOverflow() {
        assertThatThrownBy(() -> Money.yen(Long.MAX_VALUE).plus(Money.yen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.yen(Long.MIN_VALUE).minus(Money.yen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.yen(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldMultiplyByAQuantity() {
        assertThat(Money.yen(500).times(3)).isEqualTo(Money.yen(1_500));
        assertThat(Money.yen(500).times(0)).isEqualTo(Money.yen(0));
    }

    @Test
    void shouldTellNegativeAmounts() {
        assertThat(Money.yen(-1).isNegative()).isTrue();
        assertThat(Money.yen(0).isNegative()).isFalse();
        assertThat(Money.zero(USD)).isEqualTo(new Money(0, USD));
    }

    @Test
    void shouldRequireACurrency() {
        assertThatThrownBy(() -> new Money(100, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldLookUpIsoCurrencyCodes() {
        assertThat(Money.currency("JPY")).isEqualTo(Money.JPY);
        assertThat(Money.currency("USD")).isEqualTo(USD);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"YEN", "jpy", "XYZ1"})
    void shouldRejectWhatIsNotAnIsoCurrencyCode(String code) {
        assertThatThrownBy(() -> Money.currency(code))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("currency"));
    }

    @ParameterizedTest(name = "{0} {1} is {2} minor units")
    @CsvSource(
            delimiter = '|',
            value = {
                "JPY | 1800 | 1800",
                "JPY | 1800.00 | 1800",
                "USD | 12.5 | 1250",
                "USD | 89.99 | 8999",
                "JPY | 0 | 0"
            })
    void shouldReadAnAmountInMajorUnitsExactly(String currency, String amount, long minor) {
        assertThat(Money.ofMajor(new java.math.BigDecimal(amount), Currency.getInstance(currency), "price"))
                .isEqualTo(new Money(minor, Currency.getInstance(currency)));
    }

    @Test
    void shouldRefuseMoreDecimalsThanTheCurrencyHasOnTheField() {
        assertThatThrownBy(() -> Money.ofMajor(new java.math.BigDecimal("1800.5"), Money.JPY, "line_items[0].price"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("line_items[0].price"));
    }
}
