package com.aftercare.inquiry;

import com.aftercare.domain.inquiry.InquiryEvents.CustomerReplied;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryOpened;
import java.time.Clock;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the event automations after the inquiry's change committed, through the durable event
 * registry (a crash before they ran replays the event; the firing records keep a replay from acting
 * twice). Not an {@code @ApplicationModuleListener}: that would hold a transaction of its own while
 * each rule opens another, two connections per event; each firing is its own transaction instead.
 */
@Component
class AutomationListener {

    private final AutomationRunner runner;
    private final Clock clock;

    AutomationListener(AutomationRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(InquiryOpened event) {
        runner.onEvent(AutomationTrigger.CREATED, event.inquiry().value(), "created", clock.instant());
    }

    @Async
    @TransactionalEventListener
    void on(CustomerReplied event) {
        runner.onEvent(
                AutomationTrigger.CUSTOMER_REPLIED,
                event.inquiry().value(),
                "reply:" + event.repliedAt().toEpochMilli(),
                clock.instant());
    }

    @Async
    @TransactionalEventListener
    void on(InquiryStatusChanged event) {
        runner.onEvent(
                AutomationTrigger.STATUS_CHANGED,
                event.inquiry(),
                "status:" + event.to() + ":" + event.at().toEpochMilli(),
                event.to(),
                clock.instant());
    }
}
