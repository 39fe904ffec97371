package com.aftercare.domain.order;

/** Something that happened to an order after it was placed, as a storefront reports it. */
public enum Milestone {
    PAID(OrderStatus.PAID, "order.paid"),
    SHIPPED(OrderStatus.SHIPPED, "order.shipped"),
    DELIVERED(OrderStatus.DELIVERED, "order.delivered"),
    CANCELLED(OrderStatus.CANCELLED, "order.cancelled");

    private final OrderStatus reaches;
    private final String eventType;

    Milestone(OrderStatus reaches, String eventType) {
        this.reaches = reaches;
        this.eventType = eventType;
    }

    OrderStatus reaches() {
        return reaches;
    }

    public String eventType() {
        return eventType;
    }
}
