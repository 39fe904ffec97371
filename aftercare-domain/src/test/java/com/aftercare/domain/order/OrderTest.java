package com.aftercare.domain.order;

import static com.aftercare.domain.order.OrderFixtures.DELIVERED_AT;
import static com.aftercare.domain.order.OrderFixtures.NOW;
import static com.aftercare.domain.order.OrderFixtures.PAID_AT;
import static com.aftercare.domain.order.OrderFixtures.PLACED_AT;
import static com.aftercare.domain.order.OrderFixtures.SHIPPED_AT;
import static com.aftercare.domain.order.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.aftercare.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderTest {

    @Test
    void shouldStartPlacedWithOnePlacementEntryInHistory() {
        Order order = OrderFixtures.placed();

        assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.placedAt()).isEqualTo(PLACED_AT);
        assertThat(order.paidAt()).isNull();
        assertThat(order.history())
                .extracting(
                        OrderHistoryEntry::eventId,
                        OrderHistoryEntry::eventType,
                        OrderHistoryEntry::occurredAt,
                        OrderHistoryEntry::statusFrom,
                        OrderHistoryEntry::statusTo,
                        OrderHistoryEntry::note)
                .containsExactly(tuple("evt-placed", "order.placed", PLACED_AT, null, OrderStatus.PLACED, null));
    }

    @Test
    void shouldNumberLinesInTheOrderTheyCame() {
        Order order = OrderFixtures.placed();

        assertThat(order.lines())
                .extracting(OrderLine::lineNo, OrderLine::sku, OrderLine::quantity, OrderLine::unitPriceMinor)
                .containsExactly(tuple(1, "SKU-1", 1, 1_800L), tuple(2, "SKU-2", 3, 500L));
    }

    @Test
    void shouldTotalLinesPlusShippingMinusDiscount() {
        Order order = OrderFixtures.placed();

        assertThat(order.subtotal()).isEqualTo(Money.yen(3_300));
        assertThat(order.shippingFee()).isEqualTo(Money.yen(600));
        assertThat(order.discount()).isEqualTo(Money.yen(300));
        assertThat(order.total()).isEqualTo(Money.yen(3_600));
    }

    @ParameterizedTest(name = "subtotal {0}, shipping {1}, discount {2} -> total {3}")
    @CsvSource({
        "1000,   0,    0, 1000",
        "1000, 500,    0, 1500",
        "1000, 500,  200, 1300",
        "1000, 500, 1500,    0",
        "1000,   0, 5000,    0",
        "   0,   0,    0,    0",
    })
    void shouldNeverTotalBelowZero(long price, long shippingFee, long discount, long total) {
        Order order =
                Order.place(OrderFixtures.placement(List.of(line("SKU-1", 1, price)), shippingFee, discount), NOW);

        assertThat(order.total()).isEqualTo(Money.yen(total));
    }

    @Test
    void shouldRefuseTotalsThatOverflowAsTheFieldThatTipsThemOver() {
        List<LineItem> lines = List.of(line("SKU-1", 100_000, Long.MAX_VALUE / 50_000));

        assertThatThrownBy(() -> Order.place(OrderFixtures.placement(lines, 0, 0), NOW))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("order.lines[0].unitPrice"));
        assertThatThrownBy(() ->
                        OrderFixtures.placement(List.of(line("SKU-1", 1, Long.MAX_VALUE), line("SKU-2", 1, 1)), 0, 0))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("order.lines[1].unitPrice"));
        assertThatThrownBy(() -> OrderFixtures.placement(List.of(line("SKU-1", 1, 1)), Long.MAX_VALUE, 0))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("order.shippingFee"));
    }

    @Test
    void shouldMoveForwardThroughEveryMilestoneInTurn() {
        Order order = OrderFixtures.placed();

        Order.Progress paid = order.record(Milestone.PAID, "evt-paid", PAID_AT, NOW, null, null);
        Order.Progress shipped = order.record(Milestone.SHIPPED, "evt-shipped", SHIPPED_AT, NOW, "yamato", "1234");
        Order.Progress delivered = order.record(Milestone.DELIVERED, "evt-delivered", DELIVERED_AT, NOW, null, null);

        assertThat(List.of(paid, shipped, delivered))
                .containsExactly(
                        new Order.Progress(OrderStatus.PLACED, OrderStatus.PAID, true),
                        new Order.Progress(OrderStatus.PAID, OrderStatus.SHIPPED, true),
                        new Order.Progress(OrderStatus.SHIPPED, OrderStatus.DELIVERED, true));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.paidAt()).isEqualTo(PAID_AT);
        assertThat(order.shippedAt()).isEqualTo(SHIPPED_AT);
        assertThat(order.deliveredAt()).isEqualTo(DELIVERED_AT);
        assertThat(order.carrier()).isEqualTo("yamato");
        assertThat(order.trackingNumber()).isEqualTo("1234");
    }

    @Test
    void shouldWriteOneHistoryEntryPerEventWithFromAndTo() {
        Order order = OrderFixtures.delivered();

        assertThat(order.history())
                .extracting(
                        OrderHistoryEntry::eventId,
                        OrderHistoryEntry::eventType,
                        OrderHistoryEntry::statusFrom,
                        OrderHistoryEntry::statusTo,
                        OrderHistoryEntry::note)
                .containsExactly(
                        tuple("evt-placed", "order.placed", null, OrderStatus.PLACED, null),
                        tuple("evt-paid", "order.paid", OrderStatus.PLACED, OrderStatus.PAID, null),
                        tuple("evt-shipped", "order.shipped", OrderStatus.PAID, OrderStatus.SHIPPED, null),
                        tuple("evt-delivered", "order.delivered", OrderStatus.SHIPPED, OrderStatus.DELIVERED, null));
    }

    @Test
    void shouldKeepOccurredAndRecordedTimesInHistory() {
        Order order = OrderFixtures.placed();

        order.record(Milestone.PAID, "evt-paid", PAID_AT, NOW, null, null);

        OrderHistoryEntry entry = order.history().get(1);
        assertThat(entry.occurredAt()).isEqualTo(PAID_AT);
        assertThat(entry.recordedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldSkipStraightToDeliveredWhenEarlierMilestonesNeverCame() {
        Order order = OrderFixtures.placed();

        Order.Progress progress = order.record(Milestone.DELIVERED, "evt-delivered", DELIVERED_AT, NOW, null, null);

        assertThat(progress).isEqualTo(new Order.Progress(OrderStatus.PLACED, OrderStatus.DELIVERED, true));
        assertThat(order.paidAt()).isNull();
        assertThat(order.shippedAt()).isNull();
    }

    @Test
    void shouldKeepDeliveredWhenShipmentArrivesLate() {
        Order order = OrderFixtures.paid();
        order.record(Milestone.DELIVERED, "evt-delivered", DELIVERED_AT, NOW, null, null);

        Order.Progress progress = order.record(Milestone.SHIPPED, "evt-shipped", SHIPPED_AT, NOW, "sagawa", "9999");

        assertThat(progress).isEqualTo(new Order.Progress(OrderStatus.DELIVERED, OrderStatus.DELIVERED, false));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.shippedAt()).isEqualTo(SHIPPED_AT);
        assertThat(order.carrier()).isEqualTo("sagawa");
        OrderHistoryEntry last = order.history().get(order.history().size() - 1);
        assertThat(last.eventId()).isEqualTo("evt-shipped");
        assertThat(last.statusFrom()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(last.statusTo()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(last.note()).isEqualTo("recorded late; status kept");
    }

    @ParameterizedTest(name = "{0} again after SHIPPED keeps SHIPPED")
    @CsvSource({"PAID", "SHIPPED"})
    void shouldNotMoveBackwardsOrSidewaysWhenAnOlderOrEqualMilestoneArrives(Milestone milestone) {
        Order order = OrderFixtures.shipped();

        Order.Progress progress = order.record(milestone, "evt-late", PLACED_AT.plusSeconds(60), NOW, null, null);

        assertThat(progress).isEqualTo(new Order.Progress(OrderStatus.SHIPPED, OrderStatus.SHIPPED, false));
        assertThat(order.history()).hasSize(4);
        assertThat(order.history().get(3).note()).isEqualTo("recorded late; status kept");
    }

    @Test
    void shouldKeepTheEarliestTimestampWhenAMilestoneIsReportedTwice() {
        Order order = OrderFixtures.paid();
        Instant earlier = PAID_AT.minus(Duration.ofMinutes(30));
        Instant later = PAID_AT.plus(Duration.ofMinutes(30));

        order.record(Milestone.PAID, "evt-paid-later", later, NOW, null, null);
        assertThat(order.paidAt()).isEqualTo(PAID_AT);

        order.record(Milestone.PAID, "evt-paid-earlier", earlier, NOW, null, null);
        assertThat(order.paidAt()).isEqualTo(earlier);
    }

    @Test
    void shouldKeepCarrierAndTrackingWhenALateShipmentLeavesThemOut() {
        Order order = OrderFixtures.shipped();

        order.record(Milestone.SHIPPED, "evt-shipped-again", SHIPPED_AT, NOW, null, null);

        assertThat(order.carrier()).isEqualTo("yamato");
        assertThat(order.trackingNumber()).isEqualTo("1234-5678-9012");
    }

    @Test
    void shouldCancelAShippedOrder() {
        Order order = OrderFixtures.shipped();

        Order.Progress progress = order.record(Milestone.CANCELLED, "evt-cancelled", NOW, NOW, null, null);

        assertThat(progress).isEqualTo(new Order.Progress(OrderStatus.SHIPPED, OrderStatus.CANCELLED, true));
        assertThat(order.cancelledAt()).isEqualTo(NOW);
    }

    @ParameterizedTest(name = "{0} after cancellation is recorded, status stays CANCELLED")
    @CsvSource({"PAID", "SHIPPED", "DELIVERED", "CANCELLED"})
    void shouldStayCancelledWhateverArrivesLater(Milestone milestone) {
        Order order = OrderFixtures.cancelled();

        Order.Progress progress = order.record(milestone, "evt-after", DELIVERED_AT, NOW, null, null);

        assertThat(progress).isEqualTo(new Order.Progress(OrderStatus.CANCELLED, OrderStatus.CANCELLED, false));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        OrderHistoryEntry last = order.history().get(order.history().size() - 1);
        assertThat(last.eventId()).isEqualTo("evt-after");
        assertThat(last.eventType()).isEqualTo(milestone.eventType());
        assertThat(last.statusFrom()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(last.statusTo()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(last.note()).isEqualTo("recorded; the order is cancelled");
    }

    @Test
    void shouldStillRecordTheTimeOfAMilestoneThatArrivesAfterCancellation() {
        Order order = OrderFixtures.cancelled();

        order.record(Milestone.DELIVERED, "evt-delivered", DELIVERED_AT, NOW, null, null);

        assertThat(order.deliveredAt()).isEqualTo(DELIVERED_AT);
        assertThat(order.cancelledAt()).isEqualTo(PAID_AT);
    }

    @Test
    void shouldRefuseToCancelADeliveredOrder() {
        Order order = OrderFixtures.delivered();

        Order.Progress progress = order.record(Milestone.CANCELLED, "evt-cancelled", NOW, NOW, null, null);

        assertThat(progress).isEqualTo(new Order.Progress(OrderStatus.DELIVERED, OrderStatus.DELIVERED, false));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.cancelledAt()).isNull();
        OrderHistoryEntry last = order.history().get(order.history().size() - 1);
        assertThat(last.eventType()).isEqualTo("order.cancelled");
        assertThat(last.note()).isEqualTo("ignored; a delivered order cannot be cancelled");
    }

    @Test
    void shouldNotLetACancellationDatedBeforeDeliveryUndoTheDelivery() {
        Order order = OrderFixtures.delivered();

        order.record(Milestone.CANCELLED, "evt-cancelled", PAID_AT, NOW, null, null);

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.cancelledAt()).isNull();
    }

    @Test
    void shouldRecordARedundantMilestoneInHistoryToo() {
        Order order = OrderFixtures.delivered();
        int before = order.history().size();

        order.record(Milestone.PAID, "evt-paid-dup", PAID_AT, NOW, null, null);

        assertThat(order.history()).hasSize(before + 1);
        assertThat(order.history().get(before).recordedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldKeepTheShippingAddressAndDiscreetFlagFromThePlacement() {
        Order order = OrderFixtures.placed();

        assertThat(order.shipping())
                .isEqualTo(new Shipping("山田 花子", "150-0001", "東京都", "渋谷区神宮前1-1-1", "03-1234-5678", false));
        assertThat(order.isDiscreet()).isFalse();
        assertThat(order.paymentMethod()).isEqualTo("credit_card");
        assertThat(order.number()).isEqualTo(new OrderNumber("R-2026-0001"));
        assertThat(order.currency()).isEqualTo(Money.JPY);
    }

    @Test
    void shouldShipWithNoAddressWhenThePlacementHasNone() {
        Order.Placement base = OrderFixtures.placement();
        Order.Placement withoutShipping = new Order.Placement(
                base.storefront(),
                base.number(),
                base.customer(),
                base.currency(),
                base.lines(),
                0,
                0,
                null,
                null,
                "evt",
                PLACED_AT,
                null);

        Order order = Order.place(withoutShipping, NOW);

        assertThat(order.shipping()).isEqualTo(Shipping.none());
    }

    @Test
    void shouldNotLetCallersChangeTheLinesOrHistory() {
        Order order = OrderFixtures.placed();

        assertThatThrownBy(() -> order.history().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> order.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
