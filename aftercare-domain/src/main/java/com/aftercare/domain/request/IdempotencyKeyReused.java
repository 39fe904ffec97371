package com.aftercare.domain.request;

import com.aftercare.domain.shared.DomainException;

/** A storefront reused an idempotency key ({@code Idempotency-Key}) for a different request. */
public class IdempotencyKeyReused extends DomainException {

    protected IdempotencyKeyReused(String key, String earlierResult) {
        super("Idempotency-Key " + key + " was already used for a different request (" + earlierResult + ")");
    }
}
