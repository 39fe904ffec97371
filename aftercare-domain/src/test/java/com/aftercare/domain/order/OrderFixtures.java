package com.aftercare.domain.order;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Orders in a known state, so each test says only what differs. Times are fixed, never "now". */
final class OrderFixtures {

    static final Instant PLACED_AT = Instant.parse("2026-11-01T01:00:00Z");
    static final Instant PAID_AT = PLACED_AT.plus(Duration.ofHours(1));
    static final Instant SHIPPED_AT = PLACED_AT.plus(Duration.ofDays(1));
    static final Instant DELIVERED_AT = PLACED_AT.plus(Duration.ofDays(2));
    static final Instant NOW = PLACED_AT.plus(Duration.ofDays(10));

    private OrderFixtures() {}

    static LineItem line(String sku, int quantity, long unitPrice) {
        return new LineItem(sku, "Product " + sku, "cosmetics", quantity, unitPrice);
    }

    /** Two lines worth ¥1,800 and ¥3 × ¥500 = ¥1,500, shipping ¥600, discount ¥300: total ¥3,600. */
    static Order.Placement placement() {
        return placement(List.of(line("SKU-1", 1, 1_800), line("SKU-2", 3, 500)), 600, 300);
    }

    static Order.Placement placement(List<LineItem> lines, long shippingFee, long discount) {
        return new Order.Placement(
                new StorefrontId(7),
                new OrderNumber("R-2026-0001"),
                new CustomerId(42),
                Money.JPY,
                lines,
                shippingFee,
                discount,
                "credit_card",
                new Shipping("山田 花子", "150-0001", "東京都", "渋谷区神宮前1-1-1", "03-1234-5678", false),
                "evt-placed",
                PLACED_AT,
                null);
    }

    static Order placed() {
        return Order.place(placement(), PLACED_AT.plusSeconds(5));
    }

    static Order paid() {
        Order order = placed();
        order.record(Milestone.PAID, "evt-paid", PAID_AT, PAID_AT.plusSeconds(5), null, null);
        return order;
    }

    static Order shipped() {
        Order order = paid();
        order.record(
                Milestone.SHIPPED, "evt-shipped", SHIPPED_AT, SHIPPED_AT.plusSeconds(5), "yamato", "1234-5678-9012");
        return order;
    }

    static Order delivered() {
        Order order = shipped();
        order.record(Milestone.DELIVERED, "evt-delivered", DELIVERED_AT, DELIVERED_AT.plusSeconds(5), null, null);
        return order;
    }

    static Order cancelled() {
        Order order = placed();
        order.record(Milestone.CANCELLED, "evt-cancelled", PAID_AT, PAID_AT.plusSeconds(5), null, null);
        return order;
    }
}
