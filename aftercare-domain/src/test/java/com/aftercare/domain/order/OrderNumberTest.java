package com.aftercare.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "R-2026-0001", "123456-20261123-0000012345", "shop.jp:order/42#1", "a_b", "#1001"})
    void shouldAcceptMarketplaceOrderNumbers(String value) {
        assertThat(new OrderNumber(value).value()).isEqualTo(value);
        assertThat(new OrderNumber(value).toString()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "-starts-with-dash", ".dot", "has space", "注文123", "R-1\n", "R-1;drop", "１２３"})
    void shouldRejectOrderNumbersOfAnyOtherShape(String value) {
        assertThatThrownBy(() -> new OrderNumber(value))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("order.number"));
    }

    @org.junit.jupiter.api.Test
    void shouldOfferShopifysNameWithAndWithoutItsHashAsTheOtherSpelling() {
        assertThat(OrderNumber.otherSpelling("1001")).hasValue("#1001");
        assertThat(OrderNumber.otherSpelling(" #1001 ")).hasValue("1001");
        assertThat(OrderNumber.otherSpelling("#")).isEmpty();
        assertThat(OrderNumber.otherSpelling("A".repeat(64)))
                .as("one character too long")
                .isEmpty();
        assertThat(OrderNumber.otherSpelling(null)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldAcceptSixtyFourCharactersButNotSixtyFive() {
        assertThat(new OrderNumber("A".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> new OrderNumber("A".repeat(65))).isInstanceOf(InvalidValue.class);
    }
}
