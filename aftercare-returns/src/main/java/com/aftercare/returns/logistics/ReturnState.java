package com.aftercare.returns.logistics;

/** Where a claim's goods are, as the portal and the console show it. */
public enum ReturnState {
    /** The claim is not approved yet: the customer keeps the item. */
    WAITING_FOR_APPROVAL,
    /** Approved: the customer may send it (or book a pick-up). */
    READY_TO_SEND,
    /** A pick-up is booked and no tracking number is known yet. */
    PICKUP_BOOKED,
    /** The customer entered the parcel's tracking number. */
    IN_TRANSIT,
    /** The shop received it. */
    RECEIVED
}
