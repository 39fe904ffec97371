package com.aftercare.domain.order;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.List;

/**
 * The domain events of an order's life, published in the transaction that changed the order
 * and delivered durably (Spring Modulith's event publication registry) to the feature modules.
 * Each is published once, when the order moves to that status. An order that skips a status
 * (a storefront reports delivery before shipment) never publishes the skipped one, not even when
 * its late event arrives: a shipping notice after delivery would only confuse the customer.
 */
public final class OrderEvents {

    private OrderEvents() {}

    public record OrderPlaced(
            OrderId order, StorefrontId storefront, String orderNumber, CustomerId customer, Instant placedAt) {}

    public record OrderPaid(OrderId order, CustomerId customer, Instant paidAt) {}

    public record OrderShipped(
            OrderId order, CustomerId customer, Instant shippedAt, String carrier, String trackingNumber) {}

    public record OrderDelivered(OrderId order, CustomerId customer, Instant deliveredAt) {}

    public record OrderCancelled(OrderId order, CustomerId customer, Instant cancelledAt) {}

    /**
     * Money went back to the customer at the storefront (a Shopify refund), published once per
     * refund of the storefront's. The order's status does not move; returns notes it on the claim
     * of that order it belongs to, if one is waiting.
     *
     * @param refundRef the storefront's own id of the refund
     * @param lines the products the refund was for, when the storefront says (none for a refund of
     *     shipping or an amount alone)
     */
    public record OrderRefunded(
            OrderId order,
            StorefrontId storefront,
            String orderNumber,
            CustomerId customer,
            String refundRef,
            Money amount,
            Instant refundedAt,
            List<RefundedLine> lines) {

        public OrderRefunded {
            lines = List.copyOf(lines);
        }
    }

    /** A product line a refund was for: its SKU and how many of it. */
    public record RefundedLine(String sku, int quantity) {}

    public record CustomerRegistered(CustomerId customer, StorefrontId storefront, Instant registeredAt) {}
}
