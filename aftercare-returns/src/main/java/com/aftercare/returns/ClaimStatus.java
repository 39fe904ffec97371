package com.aftercare.returns;

import com.aftercare.domain.claim.ClaimOutcome;

/**
 * Where a claim stands. The way through:
 *
 * <pre>
 * REQUESTED ─approve─▶ APPROVED ─awaitItem─▶ AWAITING_ITEM ─receive─▶ RECEIVED ─inspect─▶ INSPECTED
 *    │  └─quote (paid repair)─▶ QUOTED ─accept─▶ APPROVED            (recycling closes here)    │
 *    │                            └─decline─▶ QUOTE_DECLINED                                    │
 *    └─reject─▶ REJECTED                          refund / shipExchange / markRepaired ◀────────┘
 *                                               ▶ REFUNDED / EXCHANGE_SHIPPED / REPAIRED ─close─▶ CLOSED
 * </pre>
 */
public enum ClaimStatus {
    REQUESTED,
    QUOTED,
    QUOTE_DECLINED,
    APPROVED,
    REJECTED,
    AWAITING_ITEM,
    RECEIVED,
    INSPECTED,
    REFUNDED,
    EXCHANGE_SHIPPED,
    REPAIRED,
    CLOSED;

    /** Still needs an operator (the console queue shows these). */
    public boolean isOpen() {
        return !isResolved() && this != CLOSED;
    }

    /** The outcome is decided: the customer got their answer (the claim may still be closed later). */
    public boolean isResolved() {
        return this == REJECTED
                || this == QUOTE_DECLINED
                || this == REFUNDED
                || this == EXCHANGE_SHIPPED
                || this == REPAIRED;
    }

    /** What {@code ClaimResolved} tells the other modules about a claim that reached this status. */
    ClaimOutcome outcome() {
        if (!isResolved() && this != CLOSED) {
            throw new IllegalStateException(this + " decides no outcome");
        }
        return ClaimOutcome.valueOf(name());
    }
}
