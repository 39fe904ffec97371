package com.aftercare.domain.order;

/**
 * Where an order stands. The progress statuses are ranked so an order never moves backwards
 * when storefront events arrive late; CANCELLED ends the order.
 */
public enum OrderStatus {
    PLACED(0),
    PAID(1),
    SHIPPED(2),
    DELIVERED(3),
    CANCELLED(Integer.MAX_VALUE);

    private final int rank;

    OrderStatus(int rank) {
        this.rank = rank;
    }

    boolean isAfter(OrderStatus other) {
        return rank > other.rank;
    }
}
