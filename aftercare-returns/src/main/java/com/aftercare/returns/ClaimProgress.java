package com.aftercare.returns;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a claim stands and how it got there: its status, when the outcome was decided (once, at
 * the first resolved status or the close) and when it closed, and every move with who made it and
 * why. The claim decides which move is allowed; this keeps the record of it.
 */
@Embeddable
class ClaimProgress {

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ClaimStatus status;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "claim_id", nullable = false, updatable = false)
    @OrderBy("at, id")
    private List<ClaimStatusEntry> history = new ArrayList<>();

    protected ClaimProgress() {}

    /** A new claim: REQUESTED by {@code by}. */
    static ClaimProgress requested(String by, Instant at) {
        ClaimProgress progress = new ClaimProgress();
        progress.status = ClaimStatus.REQUESTED;
        progress.updatedAt = at;
        progress.history.add(new ClaimStatusEntry(null, ClaimStatus.REQUESTED, by, null, at));
        return progress;
    }

    /** @throws ClaimWorkflowViolation naming the action when the status is not one of {@code allowed} */
    void require(String action, String rma, Set<ClaimStatus> allowed) {
        if (!allowed.contains(status)) {
            throw ClaimWorkflowViolation.cannot(action, rma, status);
        }
    }

    void moveTo(ClaimStatus to, String by, String note, Instant at) {
        ClaimStatus from = status;
        status = to;
        updatedAt = at;
        if (resolvedAt == null && (to.isResolved() || to == ClaimStatus.CLOSED)) {
            resolvedAt = at;
        }
        if (to == ClaimStatus.CLOSED) {
            closedAt = at;
        }
        history.add(new ClaimStatusEntry(from, to, Objects.requireNonNull(by, "by"), note, at));
    }

    /**
     * Something happened that the status does not show (a refund made at the storefront): an entry
     * in the history, the status kept. The same note by the same actor is written once.
     *
     * @return false when that note was there already
     */
    boolean note(String by, String note, Instant at) {
        Objects.requireNonNull(note, "note");
        if (history.stream().anyMatch(e -> note.equals(e.note()) && by.equals(e.actor()))) {
            return false;
        }
        updatedAt = at;
        history.add(new ClaimStatusEntry(status, status, Objects.requireNonNull(by, "by"), note, at));
        return true;
    }

    /** Something besides the status changed. */
    void touch(Instant at) {
        updatedAt = at;
    }

    ClaimStatus status() {
        return status;
    }

    /** When the claim last moved or got a note. */
    Instant updatedAt() {
        return updatedAt;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    List<ClaimStatusEntry> history() {
        return Collections.unmodifiableList(history);
    }
}
