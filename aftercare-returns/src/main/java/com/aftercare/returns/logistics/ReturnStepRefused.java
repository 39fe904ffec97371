package com.aftercare.returns.logistics;

import com.aftercare.domain.shared.InvalidValue;

/**
 * A logistics step the claim does not allow now (a pick-up for a return the customer pays, a
 * tracking number for a claim already received, a claim with no return address); on the field
 * {@code claim}, so a form shows it above itself. {@link #reason()} is what the portal words
 * ({@code portal.return.refused.<reason>}).
 */
public class ReturnStepRefused extends InvalidValue {

    /** Why. */
    public enum Reason {
        NOT_NOW,
        NO_ADDRESS,
        PICKUP_NOT_OFFERED
    }

    private final Reason reason;

    ReturnStepRefused(Reason reason, String message) {
        super("claim", message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
