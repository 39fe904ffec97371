package com.aftercare.inquiry.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the mailbox, only when {@code aftercare.inquiry.mailbox.enabled=true}. Kept apart from
 * {@link MailboxPoller} so that the poller stays usable (and testable) with polling off.
 */
@Component
@ConditionalOnProperty(prefix = "aftercare.inquiry.mailbox", name = "enabled", havingValue = "true")
class MailboxSchedule {

    private static final Logger log = LoggerFactory.getLogger(MailboxSchedule.class);

    private final MailboxPoller poller;

    MailboxSchedule(MailboxPoller poller) {
        this.poller = poller;
    }

    @Scheduled(fixedDelayString = "${aftercare.inquiry.mailbox.poll-interval:1m}")
    void poll() {
        try {
            poller.pollOnce();
        } catch (RuntimeException e) {
            // The next poll starts over from the bookkeeping; nothing was half-written.
            log.warn("Polling the inquiry mailbox failed: {}", e.toString());
        }
    }
}
