package com.aftercare.domain.claim;

/**
 * How a claim ended, as {@link ClaimEvents.ClaimResolved} tells it: the status the returns module
 * reached when the customer got their answer (or, for a recycling pick-up, when it closed). The
 * workflow's other statuses are the returns module's own business.
 */
public enum ClaimOutcome {
    REFUNDED,
    EXCHANGE_SHIPPED,
    REPAIRED,
    REJECTED,
    QUOTE_DECLINED,
    /** A recycling pick-up: nothing is given back, it closes once the old appliance was received. */
    CLOSED
}
