package com.aftercare.domain.mail.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox. Kept apart from {@link MailDispatcher} so that switching polling off
 * ({@code aftercare.mail.dispatcher.enabled=false}, as the tests do) leaves the dispatcher usable.
 */
@Component
@ConditionalOnProperty(prefix = "aftercare.mail.dispatcher", name = "enabled", matchIfMissing = true)
class MailDispatchSchedule {

    private static final Logger log = LoggerFactory.getLogger(MailDispatchSchedule.class);

    private final MailDispatcher dispatcher;
    private final int batchSize;
    private volatile boolean closing;

    MailDispatchSchedule(MailDispatcher dispatcher, MailDispatchProperties properties) {
        this.dispatcher = dispatcher;
        this.batchSize = properties.dispatcher().batchSize();
    }

    @Scheduled(fixedDelayString = "${aftercare.mail.dispatcher.poll-interval:1s}")
    void poll() {
        try {
            // a full batch means more may be due: keep going instead of waiting for the next poll
            while (dispatcher.dispatchDue() == batchSize && !closing) {
                log.debug("Full batch dispatched, claiming the next one");
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; claims and leases make the next poll safe
            log.error("Mail dispatch round failed", e);
        }
    }

    /**
     * Shutting down: the batch in hand is finished, no further one is claimed. Otherwise, with a
     * backlog, the loop above never ends, the instance is killed when its stop timeout runs out,
     * and the group it was handing over is parked as UNKNOWN (the dispatch benchmark saw it).
     */
    @EventListener(ContextClosedEvent.class)
    void stopClaiming() {
        closing = true;
    }
}
