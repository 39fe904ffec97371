package com.aftercare.inquiry;

/**
 * When an automation is asked whether it applies: on one of the inquiry's events (Zendesk's
 * triggers), or on time, by the periodic run (Zendesk's automations).
 */
public enum AutomationTrigger {
    CREATED,
    CUSTOMER_REPLIED,
    STATUS_CHANGED,
    TIME;

    boolean onTime() {
        return this == TIME;
    }
}
