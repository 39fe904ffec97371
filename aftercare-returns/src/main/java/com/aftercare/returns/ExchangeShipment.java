package com.aftercare.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The replacement sent for an exchange, with the carrier's tracking number when the operator gave one. */
@Embeddable
record ExchangeShipment(@Column(name = "exchange_tracking") String tracking) {

    static final int MAX_TRACKING = 100;

    /** @param tracking blank when the operator gave none */
    ExchangeShipment {
        tracking = ClaimText.optional("tracking", tracking, MAX_TRACKING);
    }
}
