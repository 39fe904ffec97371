package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.shared.DispatchLoop;
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

    private final DispatchLoop loop;

    MailDispatchSchedule(MailDispatcher dispatcher, MailDispatchProperties properties) {
        this.loop = new DispatchLoop(
                "Mail dispatch",
                dispatcher::dispatchDue,
                properties.dispatcher().batchSize());
    }

    @Scheduled(fixedDelayString = "${aftercare.mail.dispatcher.poll-interval:1s}")
    void poll() {
        loop.poll();
    }

    @EventListener(ContextClosedEvent.class)
    void stopClaiming() {
        loop.stop();
    }
}
