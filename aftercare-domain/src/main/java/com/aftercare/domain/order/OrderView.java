package com.aftercare.domain.order;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.List;

/** A read-only snapshot of an order with its lines and history, safe outside a transaction. */
public record OrderView(
        OrderId id,
        StorefrontId storefront,
        String number,
        CustomerId customer,
        OrderStatus status,
        Money subtotal,
        Money shippingFee,
        Money discount,
        Money total,
        String paymentMethod,
        Shipping shipping,
        String carrier,
        String trackingNumber,
        Instant placedAt,
        Instant paidAt,
        Instant shippedAt,
        Instant deliveredAt,
        Instant cancelledAt,
        List<Line> lines,
        List<HistoryEntry> history) {

    public record Line(
            int lineNo, String sku, String name, String category, int quantity, Money unitPrice, Money amount) {}

    /**
     * The same order showing other lines: a mail about some of its products (step mail leaves out
     * what the customer sent back, and names an exchange's new variant).
     */
    public OrderView withLines(List<Line> shown) {
        return new OrderView(
                id,
                storefront,
                number,
                customer,
                status,
                subtotal,
                shippingFee,
                discount,
                total,
                paymentMethod,
                shipping,
                carrier,
                trackingNumber,
                placedAt,
                paidAt,
                shippedAt,
                deliveredAt,
                cancelledAt,
                List.copyOf(shown),
                history);
    }

    public record HistoryEntry(
            String eventId,
            String eventType,
            Instant occurredAt,
            Instant recordedAt,
            OrderStatus from,
            OrderStatus to,
            String note) {}

    static OrderView of(Order order) {
        List<Line> lines = order.lines().stream()
                .map(l -> new Line(
                        l.lineNo(),
                        l.sku(),
                        l.productName(),
                        l.category(),
                        l.quantity(),
                        new Money(l.unitPriceMinor(), order.currency()),
                        new Money(l.amountMinor(), order.currency())))
                .toList();
        List<HistoryEntry> history = order.history().stream()
                .map(h -> new HistoryEntry(
                        h.eventId(),
                        h.eventType(),
                        h.occurredAt(),
                        h.recordedAt(),
                        h.statusFrom(),
                        h.statusTo(),
                        h.note()))
                .toList();
        return new OrderView(
                order.id(),
                order.storefront(),
                order.number().value(),
                order.customer(),
                order.status(),
                order.subtotal(),
                order.shippingFee(),
                order.discount(),
                order.total(),
                order.paymentMethod(),
                order.shipping(),
                order.carrier(),
                order.trackingNumber(),
                order.placedAt(),
                order.paidAt(),
                order.shippedAt(),
                order.deliveredAt(),
                order.cancelledAt(),
                lines,
                history);
    }

    public boolean isDiscreet() {
        return shipping.discreet();
    }
}
