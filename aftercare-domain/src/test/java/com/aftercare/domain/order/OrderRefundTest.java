package com.aftercare.domain.order;

import static com.aftercare.domain.order.OrderFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class OrderRefundTest {

    static final Instant REFUNDED_AT = Instant.parse("2026-11-28T00:12:00Z");

    @Test
    void shouldRecordAStorefrontRefundOnceWithoutMovingTheStatus() {
        Order order = OrderFixtures.delivered();
        StorefrontRefund refund = new StorefrontRefund("9310044400001", Money.yen(1800), REFUNDED_AT, "サイズ違い");

        assertThat(order.recordRefund(refund, "evt-refund", NOW)).isTrue();
        assertThat(order.recordRefund(refund, "evt-refund-again", NOW))
                .as("the same refund again")
                .isFalse();

        assertThat(order.refunded()).isEqualTo(Money.yen(1800));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.history()).last().satisfies(entry -> {
            assertThat(entry.eventType()).isEqualTo("order.refunded");
            assertThat(entry.statusFrom()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(entry.statusTo()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(entry.note()).isEqualTo("¥1,800 refunded (refund 9310044400001)");
        });
    }

    @Test
    void shouldAddUpPartialRefunds() {
        Order order = OrderFixtures.delivered();

        order.recordRefund(new StorefrontRefund("r-1", Money.yen(1800), REFUNDED_AT, null), "e-1", NOW);
        order.recordRefund(new StorefrontRefund("r-2", Money.yen(550), REFUNDED_AT.plusSeconds(60), null), "e-2", NOW);

        assertThat(order.refunded()).isEqualTo(Money.yen(2350));
    }

    @Test
    void shouldRefuseARefundInAnotherCurrencyOrBelowZero() {
        Order order = OrderFixtures.delivered();
        Money dollars = new Money(1250, Currency.getInstance("USD"));

        assertThatThrownBy(() -> order.recordRefund(new StorefrontRefund("r-1", dollars, REFUNDED_AT, null), "e", NOW))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new StorefrontRefund("r-1", Money.yen(-1), REFUNDED_AT, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("refund.amount"));
        assertThat(order.refunded()).isEqualTo(Money.yen(0));
    }
}
