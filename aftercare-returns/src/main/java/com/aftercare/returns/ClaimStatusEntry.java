package com.aftercare.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One status a claim went through: who moved it, with what note. Append-only. */
@Entity
@Table(name = "claim_status_history")
class ClaimStatusEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_from", updatable = false)
    private ClaimStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_to", nullable = false, updatable = false)
    private ClaimStatus to;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(updatable = false)
    private String note;

    @Column(nullable = false, updatable = false)
    private Instant at;

    protected ClaimStatusEntry() {}

    ClaimStatusEntry(ClaimStatus from, ClaimStatus to, String actor, String note, Instant at) {
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    ClaimStatus from() {
        return from;
    }

    ClaimStatus to() {
        return to;
    }

    String actor() {
        return actor;
    }

    String note() {
        return note;
    }

    Instant at() {
        return at;
    }
}
