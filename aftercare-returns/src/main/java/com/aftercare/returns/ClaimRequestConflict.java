package com.aftercare.returns;

import com.aftercare.domain.shared.DomainException;

/** A storefront reused a request id (its {@code Idempotency-Key}) for a different request. */
public class ClaimRequestConflict extends DomainException {

    ClaimRequestConflict(String requestId, String rma) {
        super("Request id " + requestId + " was already used for a different request (" + rma + ")");
    }
}
