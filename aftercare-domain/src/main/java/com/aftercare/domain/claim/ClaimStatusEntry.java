package com.aftercare.domain.claim;

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
public class ClaimStatusEntry {

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

    public ClaimStatus from() {
        return from;
    }

    public ClaimStatus to() {
        return to;
    }

    public String actor() {
        return actor;
    }

    public String note() {
        return note;
    }

    public Instant at() {
        return at;
    }
}
