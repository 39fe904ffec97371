package com.aftercare.domain.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One storefront event as it touched an order, with what it did to the status. */
@Entity
@Table(name = "order_history")
public class OrderHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_from")
    private OrderStatus statusFrom;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_to", nullable = false)
    private OrderStatus statusTo;

    private String note;

    protected OrderHistoryEntry() {}

    OrderHistoryEntry(
            String eventId,
            String eventType,
            Instant occurredAt,
            Instant recordedAt,
            OrderStatus from,
            OrderStatus to,
            String note) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.statusFrom = from;
        this.statusTo = to;
        this.note = note;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public OrderStatus statusFrom() {
        return statusFrom;
    }

    public OrderStatus statusTo() {
        return statusTo;
    }

    public String note() {
        return note;
    }
}
