package com.aftercare.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the inquiry's own audit trail (table {@code inquiry_event}): who did what, when. */
@Entity
@Table(name = "inquiry_event")
class InquiryTrailEntry {

    enum Type {
        CREATED,
        ASSIGNED,
        STATUS_CHANGED,
        REPLIED,
        NOTE_ADDED,
        CUSTOMER_REPLIED,
        FLAGGED,
        UNFLAGGED,
        PRIORITY_CHANGED,
        /** The callback promised on the phone was made (V108). */
        CALLED_BACK,

        /** The conversation's LINE user proved an order through the portal: the inquiry has its customer and order now. */
        LINKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Type type;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(updatable = false)
    private String detail;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected InquiryTrailEntry() {}

    InquiryTrailEntry(Type type, String actor, String detail, Instant occurredAt) {
        this.type = type;
        this.actor = actor;
        this.detail = detail;
        this.occurredAt = occurredAt;
    }

    Type type() {
        return type;
    }

    String actor() {
        return actor;
    }

    String detail() {
        return detail;
    }

    Instant occurredAt() {
        return occurredAt;
    }
}
