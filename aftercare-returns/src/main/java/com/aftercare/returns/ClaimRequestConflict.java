package com.aftercare.returns;

import com.aftercare.domain.request.IdempotencyKeyReused;

/**
 * A storefront reused a request id (its {@code Idempotency-Key}) for a different claim request.
 * Claims keep their key on the claim row; the API answers it like any reused key.
 */
public class ClaimRequestConflict extends IdempotencyKeyReused {

    ClaimRequestConflict(String requestId, String rma) {
        super(requestId, rma);
    }
}
