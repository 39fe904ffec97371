package com.aftercare.web.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives domain events whose listener failed (say, the database blipped mid-listener) another
 * go. Spring Modulith keeps every publication until its listener completes; this resubmits the
 * ones still incomplete after a grace period. Listeners are idempotent (the outbox dedups by
 * key), so two instances resubmitting the same event at once cost a little work, never a
 * second mail.
 */
@Component
@ConditionalOnProperty(name = "aftercare.events.retry.enabled", havingValue = "true", matchIfMissing = true)
class StalledEventRetry {

    private static final Logger log = LoggerFactory.getLogger(StalledEventRetry.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    StalledEventRetry(
            IncompleteEventPublications incomplete,
            @Value("${aftercare.events.retry.older-than:5m}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(
            fixedDelayString = "${aftercare.events.retry.interval:1m}",
            initialDelayString = "${aftercare.events.retry.interval:1m}")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Could not resubmit incomplete event publications; will try again", e);
        }
    }
}
