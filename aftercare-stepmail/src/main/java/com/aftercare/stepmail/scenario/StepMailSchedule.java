package com.aftercare.stepmail.scenario;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the step-mail scheduler on every instance where it is enabled (the default). */
@Component
@ConditionalOnProperty(name = "aftercare.stepmail.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class StepMailSchedule {

    private final StepMailScheduler scheduler;
    private final StepMailProperties properties;

    StepMailSchedule(StepMailScheduler scheduler, StepMailProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${aftercare.stepmail.poll-interval:30s}")
    void poll() {
        BatchRounds.drain(scheduler::runDue, properties.batchSize());
    }
}
