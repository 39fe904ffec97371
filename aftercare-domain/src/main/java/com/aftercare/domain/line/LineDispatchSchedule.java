package com.aftercare.domain.line;

import com.aftercare.domain.shared.DispatchLoop;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls for due LINE texts. Kept apart from {@link LineDispatcher} so that switching polling off
 * ({@code aftercare.line.dispatcher.enabled=false}, as the tests do) leaves the dispatcher usable.
 */
@Component
@ConditionalOnProperty(prefix = "aftercare.line.dispatcher", name = "enabled", matchIfMissing = true)
class LineDispatchSchedule {

    private final DispatchLoop loop;

    LineDispatchSchedule(LineDispatcher dispatcher) {
        this.loop = new DispatchLoop("LINE dispatch", dispatcher::dispatchDue, dispatcher.batchSize());
    }

    @Scheduled(fixedDelayString = "${aftercare.line.dispatcher.poll-interval:1s}")
    void poll() {
        loop.poll();
    }

    @EventListener(ContextClosedEvent.class)
    void stopClaiming() {
        loop.stop();
    }
}
