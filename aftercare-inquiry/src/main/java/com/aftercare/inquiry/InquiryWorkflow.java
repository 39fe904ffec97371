package com.aftercare.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where an {@link Inquiry} stands in the desk's workflow (part of its row), with when it was
 * resolved and closed. A step the current status does not allow is refused
 * ({@link InquiryWorkflowViolation}); a step taken answers what the inquiry's trail says about it
 * ({@code OPEN -> RESOLVED}).
 *
 * <pre>
 * NEW ──open/reply──▶ OPEN ──waitOnCustomer──▶ WAITING_ON_CUSTOMER
 *  │                   ▲ │                        │
 *  │                   │ └────────resolve─────┐   │ resolve
 *  └─────resolve───────┼──────────────────────▼───▼
 *                      └─customer replies── RESOLVED ──close──▶ CLOSED (final; a reply starts a follow-up)
 * </pre>
 */
@Embeddable
class InquiryWorkflow {

    private static final Set<InquiryStatus> ACTIVE =
            EnumSet.of(InquiryStatus.NEW, InquiryStatus.OPEN, InquiryStatus.WAITING_ON_CUSTOMER);

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private InquiryStatus status;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    static InquiryWorkflow starting() {
        InquiryWorkflow workflow = new InquiryWorkflow();
        workflow.status = InquiryStatus.NEW;
        return workflow;
    }

    /** Refuses {@code action} on inquiry {@code reference} unless it is NEW, OPEN or WAITING_ON_CUSTOMER. */
    void requireActive(String action, String reference) {
        require(action, reference, ACTIVE);
    }

    void require(String action, String reference, Set<InquiryStatus> allowed) {
        if (!allowed.contains(status)) {
            throw InquiryWorkflowViolation.cannot(action, reference, status);
        }
    }

    String moveTo(InquiryStatus to) {
        InquiryStatus from = status;
        status = to;
        return from + " -> " + to;
    }

    String resolve(Instant at) {
        resolvedAt = at;
        return moveTo(InquiryStatus.RESOLVED);
    }

    String close(Instant at) {
        closedAt = at;
        return moveTo(InquiryStatus.CLOSED);
    }

    /** The customer wrote again: a resolved inquiry, or one waiting on them, is OPEN again (else nothing moves). */
    Optional<String> reopenByCustomer() {
        if (status != InquiryStatus.RESOLVED && status != InquiryStatus.WAITING_ON_CUSTOMER) {
            return Optional.empty();
        }
        resolvedAt = null;
        return Optional.of(moveTo(InquiryStatus.OPEN));
    }

    InquiryStatus status() {
        return status;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    Instant closedAt() {
        return closedAt;
    }
}
