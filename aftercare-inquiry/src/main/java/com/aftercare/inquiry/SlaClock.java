package com.aftercare.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * An inquiry's two SLA clocks (first response, resolution), part of the {@link Inquiry} row: when
 * each is due, when the first answer went out, and the waits on the customer that pause the
 * resolution clock. The inquiry says when things happen; this part keeps the times straight.
 */
@Embeddable
class SlaClock {

    @Column(name = "first_response_due_at", nullable = false)
    private Instant firstResponseDueAt;

    @Column(name = "resolution_due_at", nullable = false)
    private Instant resolutionDueAt;

    @Column(name = "first_responded_at")
    private Instant firstRespondedAt;

    /** Since when the inquiry waits on the customer: the resolution clock is paused meanwhile. */
    @Column(name = "waiting_since")
    private Instant waitingSince;

    /** Business time of the waits so far, added to the resolution due time. */
    @Column(name = "paused_seconds", nullable = false)
    private long pausedSeconds;

    protected SlaClock() {}

    static SlaClock starting(SlaPolicy.Due due) {
        SlaClock clock = new SlaClock();
        clock.firstResponseDueAt = due.firstResponse();
        clock.resolutionDueAt = due.resolution();
        return clock;
    }

    /** An answer went out: the first one stops the first-response clock. */
    void responded(Instant at) {
        if (firstRespondedAt == null) {
            firstRespondedAt = at;
        }
    }

    /** The desk waits on the customer from now on. */
    void pause(Instant at) {
        waitingSince = at;
    }

    /**
     * A wait ends ({@code waiting}: the inquiry was waiting on the customer until now): its business
     * time moves the resolution due time on.
     */
    void endPause(boolean waiting, Instant at, SlaPolicy sla) {
        if (waiting && waitingSince != null) {
            Duration paused = sla.businessTime(waitingSince, at);
            resolutionDueAt = sla.extended(resolutionDueAt, paused);
            pausedSeconds += paused.toSeconds();
        }
        waitingSince = null;
    }

    /** New due times for a new priority; the waits so far still do not count against the desk. */
    void reprioritise(SlaPolicy.Due due, SlaPolicy sla) {
        firstResponseDueAt = due.firstResponse();
        resolutionDueAt = sla.extended(due.resolution(), Duration.ofSeconds(pausedSeconds));
    }

    Instant firstResponseDueAt() {
        return firstResponseDueAt;
    }

    Instant resolutionDueAt() {
        return resolutionDueAt;
    }

    Instant firstRespondedAt() {
        return firstRespondedAt;
    }

    /** Null when the desk is not waiting on the customer. */
    Instant waitingSince() {
        return waitingSince;
    }
}
