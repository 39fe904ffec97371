package com.aftercare.returns;

/**
 * Something about a claim that deserves a second look before anyone approves it. Found when the
 * claim is opened ({@code com.aftercare.returns.signals}); shown on the claim and as a queue filter.
 * A signal never rejects a claim by itself: an approval rule may only hold a claim on it.
 */
public enum FraudSignal {
    /** The customer sent back a large share of their orders (arguments: returned, orders, percent). */
    SERIAL_RETURNER,
    /** The same person (email or phone) used a refund guarantee at another storefront (argument: the RMAs). */
    GUARANTEE_ACROSS_STOREFRONTS,
    /** The phone or shipping address is also a flagged customer's. */
    SHARED_WITH_FLAGGED,
    /** An operator flagged this customer (argument: why). */
    FLAGGED_CUSTOMER,
    /** Asked for within hours of delivery, for goods worth a lot (arguments: hours, yen). */
    QUICK_HIGH_VALUE
}
