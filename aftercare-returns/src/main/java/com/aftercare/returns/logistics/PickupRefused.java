package com.aftercare.returns.logistics;

import com.aftercare.domain.shared.InvalidValue;

/**
 * A pick-up the calendar does not allow, on its field ({@code pickupDate} or {@code pickupSlot});
 * {@link #refusal()} is what the portal words ({@code portal.return.pickup.<refusal>}).
 */
public class PickupRefused extends InvalidValue {

    /** Why. */
    public enum Refusal {
        MISSING_DATE,
        PAST,
        TOO_FAR,
        NON_WORKING_DAY,
        NOT_A_BAND,
        NOT_OFFERED
    }

    private final Refusal refusal;

    PickupRefused(String field, Refusal refusal, String message) {
        super(field, message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
