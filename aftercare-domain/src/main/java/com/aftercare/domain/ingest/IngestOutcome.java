package com.aftercare.domain.ingest;

import com.aftercare.domain.order.OrderStatus;

/**
 * What became of an event.
 *
 * @param result what was done with it
 * @param orderStatus the order's status after it, when the event concerns a known order
 * @param duplicate true when this is a retry of an event already taken (same id, same body)
 */
public record IngestOutcome(
        String eventId, Result result, String orderNumber, OrderStatus orderStatus, boolean duplicate) {

    public enum Result {
        /** Applied to the order or customer. */
        APPLIED,
        /** Kept until its order arrives, then applied. */
        PENDING_ORDER,
        /** Kept until its customer is known (a consent change that came first), then applied. */
        PENDING_CUSTOMER,
        /** Valid but changes nothing (an order placed twice under different event ids). */
        IGNORED
    }

    IngestOutcome asDuplicate() {
        return new IngestOutcome(eventId, result, orderNumber, orderStatus, true);
    }
}
