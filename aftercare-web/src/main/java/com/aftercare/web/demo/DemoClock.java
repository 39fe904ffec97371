package com.aftercare.web.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Demo mode's clock: the real time, except while the demo's past is replayed. The history goes
 * through the same services a storefront and an operator use, and they stamp what they do with
 * this clock; set to a day of the past, they write that day's order, reply or refund as it would
 * have happened then. Time keeps running from the moment set (leases and retries still expire).
 */
public final class DemoClock extends Clock {

    private final Clock real;
    private volatile Duration offset = Duration.ZERO;

    DemoClock(Clock real) {
        this.real = real;
    }

    /** From now on the services see {@code moment} (and time running on from it). */
    void travelTo(Instant moment) {
        offset = Duration.between(real.instant(), moment);
    }

    /** Back to the real time, for good. */
    void backToNow() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Aftercare reads instants only");
    }
}
