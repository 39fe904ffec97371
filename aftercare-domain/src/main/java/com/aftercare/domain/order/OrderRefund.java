package com.aftercare.domain.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Money the storefront gave back on an order, once per refund of the storefront's own (a Shopify
 * refund id): the same refund reported twice is one refund.
 */
@Entity
@Table(name = "order_refund")
class OrderRefund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "refund_ref", nullable = false, updatable = false)
    private String refundRef;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "refunded_at", nullable = false, updatable = false)
    private Instant refundedAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(updatable = false)
    private String note;

    protected OrderRefund() {}

    OrderRefund(String refundRef, long amountMinor, Instant refundedAt, Instant recordedAt, String note) {
        this.refundRef = refundRef;
        this.amountMinor = amountMinor;
        this.refundedAt = refundedAt;
        this.recordedAt = recordedAt;
        this.note = note;
    }

    String refundRef() {
        return refundRef;
    }
}
