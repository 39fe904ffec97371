package com.aftercare.domain.order;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;

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

    public record CustomerRegistered(CustomerId customer, StorefrontId storefront, Instant registeredAt) {}
}
