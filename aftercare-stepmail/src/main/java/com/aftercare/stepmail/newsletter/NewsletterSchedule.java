package com.aftercare.stepmail.newsletter;

import com.aftercare.stepmail.scenario.BatchRounds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the newsletter sender wherever the step-mail scheduler runs (the same switch). */
@Component
@ConditionalOnProperty(name = "aftercare.stepmail.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class NewsletterSchedule {

    private final NewsletterSender sender;
    private final NewsletterProperties properties;

    NewsletterSchedule(NewsletterSender sender, NewsletterProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${aftercare.stepmail.poll-interval:30s}")
    void poll() {
        BatchRounds.drain(sender::runDue, properties.batchSize());
    }
}
