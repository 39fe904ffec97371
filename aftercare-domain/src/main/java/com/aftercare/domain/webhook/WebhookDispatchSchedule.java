package com.aftercare.domain.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls for due webhook deliveries. Kept apart from {@link WebhookDispatcher} so that switching
 * polling off ({@code aftercare.webhooks.dispatcher.enabled=false}, as the tests do) leaves the
 * dispatcher usable.
 */
@Component
@ConditionalOnProperty(prefix = "aftercare.webhooks.dispatcher", name = "enabled", matchIfMissing = true)
class WebhookDispatchSchedule {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatchSchedule.class);

    private final WebhookDispatcher dispatcher;
    private volatile boolean closing;

    WebhookDispatchSchedule(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${aftercare.webhooks.dispatcher.poll-interval:1s}")
    void poll() {
        try {
            // a full batch means more may be due: keep going instead of waiting for the next poll
            while (!closing && dispatcher.dispatchDue() == dispatcher.batchSize()) {
                log.debug("Full batch of webhooks sent, claiming the next one");
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; claims and leases make the next poll safe
            log.error("Webhook dispatch round failed", e);
        }
    }

    /** Shutting down: the batch in hand is finished, no further one is claimed. */
    @EventListener(ContextClosedEvent.class)
    void stopClaiming() {
        closing = true;
    }
}
