package com.aftercare.web.console.automation;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.inquiry.AutomationActions;
import com.aftercare.inquiry.AutomationConditions;
import com.aftercare.inquiry.AutomationTime;
import com.aftercare.inquiry.AutomationTrigger;
import com.aftercare.inquiry.Automations;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.InquiryStatus;
import com.aftercare.inquiry.Priority;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An automation as the editor posts it: when, the conditions (empty: any), the actions. Checks of
 * one field are here; the rule as a whole (a time condition for a time rule only, at least one
 * action, a known team) is checked by {@link Automations}.
 */
record AutomationForm(
        @NotBlank @Size(max = Automations.MAX_NAME) String name,
        Boolean enabled,
        @NotNull AutomationTrigger trigger,
        InquiryStatus status,
        Channel channel,
        Category category,
        Priority priority,
        Long storefront,
        @Size(max = AutomationConditions.MAX_WORDS) String words,
        @Min(0) @Max(MAX_YEN) Long minCustomerValue,
        AutomationTime.Since timeSince,
        @Min(0) @Max(AutomationTime.MAX_AMOUNT) Integer timeAmount,
        AutomationTime.Unit timeUnit,
        Priority setPriority,
        AutomationActions.StatusStep setStatus,
        @Size(max = 500) String flagReason,
        @Size(max = Automations.MAX_TAG) String tag,
        String team,
        AutomationActions.CustomerNotice customerMail,
        Boolean notifySupervisors) {

    /** A customer worth more than ten billion yen is a typo. */
    static final long MAX_YEN = 10_000_000_000L;

    static AutomationForm empty() {
        return new AutomationForm(
                "",
                true,
                AutomationTrigger.CREATED,
                null,
                null,
                null,
                null,
                null,
                "",
                null,
                null,
                null,
                null,
                null,
                null,
                "",
                "",
                "",
                null,
                false);
    }

    static AutomationForm of(Automations.AutomationView v) {
        AutomationConditions c = v.conditions();
        AutomationActions a = v.actions();
        AutomationTime t = c.time();
        return new AutomationForm(
                v.name(),
                v.enabled(),
                v.trigger(),
                c.status(),
                c.channel(),
                c.category(),
                c.priority(),
                c.storefront(),
                c.words(),
                c.minCustomerValue(),
                t == null ? null : t.since(),
                t == null ? null : t.amount(),
                t == null ? null : t.unit(),
                a.setPriority(),
                a.setStatus(),
                a.flagReason(),
                a.tag(),
                a.team(),
                a.customerMail(),
                a.notifySupervisors());
    }

    /**
     * The rule to save.
     *
     * @throws InvalidValue naming {@code timeAmount} or {@code timeUnit} when a time condition is half given
     */
    Automations.Draft draft() {
        AutomationTime time = null;
        if (timeSince != null) {
            if (timeAmount == null) {
                throw new InvalidValue("timeAmount", "is required with a time condition");
            }
            if (timeUnit == null) {
                throw new InvalidValue("timeUnit", "is required with a time condition");
            }
            time = new AutomationTime(timeSince, timeAmount, timeUnit);
        }
        return new Automations.Draft(
                name,
                Boolean.TRUE.equals(enabled),
                trigger,
                new AutomationConditions(
                        status, channel, category, priority, storefront, words, minCustomerValue, time),
                new AutomationActions(
                        setPriority,
                        setStatus,
                        flagReason,
                        tag,
                        team,
                        customerMail,
                        Boolean.TRUE.equals(notifySupervisors)));
    }
}
