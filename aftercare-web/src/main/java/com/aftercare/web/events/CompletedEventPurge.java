package com.aftercare.web.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the event publications whose listener completed more than
 * {@code aftercare.events.keep-completed} (7 days) ago. Spring Modulith keeps a completed one (to
 * look into what a listener did), which left to itself grows the registry by a row per listener
 * and event for ever, each holding the event as JSON: a customer's name and address, a parcel
 * number. A week is enough to look into a listener; an erasure deletes the person's completed ones
 * at once, and one that completes after the erasure goes here within the week.
 */
@Component
@ConditionalOnProperty(name = "aftercare.events.purge.enabled", havingValue = "true", matchIfMissing = true)
class CompletedEventPurge {

    private static final Logger log = LoggerFactory.getLogger(CompletedEventPurge.class);

    private final CompletedEventPublications completed;
    private final Duration keep;

    CompletedEventPurge(
            CompletedEventPublications completed, @Value("${aftercare.events.keep-completed:7d}") Duration keep) {
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(
            fixedDelayString = "${aftercare.events.purge.interval:1h}",
            initialDelayString = "${aftercare.events.purge.interval:1h}")
    void purge() {
        try {
            completed.deletePublicationsOlderThan(keep);
        } catch (RuntimeException e) {
            log.warn("Could not delete completed event publications; will try again", e);
        }
    }
}
