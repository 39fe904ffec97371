package com.aftercare.inquiry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the time automations and the SLA breach alerts every minute on every instance where it is
 * enabled (the default); the firing and breach records keep two instances from acting twice.
 */
@Component
@ConditionalOnProperty(name = "aftercare.inquiry.automations.enabled", havingValue = "true", matchIfMissing = true)
class AutomationSchedule {

    private static final Logger log = LoggerFactory.getLogger(AutomationSchedule.class);

    private final Automations automations;
    private final SlaAlerts alerts;

    AutomationSchedule(Automations automations, SlaAlerts alerts) {
        this.automations = automations;
        this.alerts = alerts;
    }

    @Scheduled(fixedDelayString = "${aftercare.inquiry.automations.interval:1m}")
    void run() {
        try {
            automations.runDue();
            alerts.runDue();
        } catch (RuntimeException e) {
            // the next run starts over from the records; nothing was half-done
            log.warn("Running the desk's automations failed: {}", e.toString());
        }
    }
}
