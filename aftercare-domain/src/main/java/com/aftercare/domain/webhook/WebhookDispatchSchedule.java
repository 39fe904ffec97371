package com.aftercare.domain.webhook;

import com.aftercare.domain.shared.DispatchLoop;
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

    private final DispatchLoop loop;

    WebhookDispatchSchedule(WebhookDispatcher dispatcher) {
        this.loop = new DispatchLoop("Webhook dispatch", dispatcher::dispatchDue, dispatcher.batchSize());
    }

    @Scheduled(fixedDelayString = "${aftercare.webhooks.dispatcher.poll-interval:1s}")
    void poll() {
        loop.poll();
    }

    @EventListener(ContextClosedEvent.class)
    void stopClaiming() {
        loop.stop();
    }
}
