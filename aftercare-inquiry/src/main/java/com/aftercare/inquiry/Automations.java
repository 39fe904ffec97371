package com.aftercare.inquiry;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's automations (自動化ルール), after Zendesk's triggers and automations: a rule runs on
 * an inquiry event (opened, the customer replied, the status changed) or on time ("3 business days
 * waiting on the customer", "1 hour before the first response is due"), checks its conditions and
 * applies its actions. Each rule fires at most once per inquiry per occasion (the event, or the time
 * it counted from), also with several app instances. Supervisors edit them in the console; every
 * change is audited. The list shows how often each rule fired and when it last did.
 */
@Service
public class Automations {

    public static final int MAX_NAME = 100;
    public static final int MAX_TAG = InquiryTags.MAX_TAG;

    private final AutomationStore store;
    private final AutomationRunner runner;
    private final Storefronts storefronts;
    private final Teams teams;
    private final AuditLog audit;
    private final Clock clock;

    Automations(
            AutomationStore store,
            AutomationRunner runner,
            Storefronts storefronts,
            Teams teams,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.runner = runner;
        this.storefronts = storefronts;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    /** A rule as a supervisor writes it. */
    public record Draft(
            String name,
            boolean enabled,
            AutomationTrigger trigger,
            AutomationConditions conditions,
            AutomationActions actions) {}

    /**
     * A rule as the console lists it.
     *
     * @param fired how many times it fired, over all inquiries
     * @param lastFiredAt null: never
     */
    public record AutomationView(
            long id,
            String name,
            boolean enabled,
            AutomationTrigger trigger,
            AutomationConditions conditions,
            AutomationActions actions,
            String storefrontName,
            long fired,
            Instant lastFiredAt,
            String updatedBy,
            Instant updatedAt) {}

    /** Every rule, in the order they run (creation order). */
    @Transactional(readOnly = true)
    public List<AutomationView> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Optional<AutomationView> find(long id) {
        return store.find(id);
    }

    /**
     * Saves a new rule after checking it whole: a name; a time condition for a time rule and none
     * for an event rule; at least one action; a known storefront and team.
     *
     * @throws InvalidValue naming the field that is wrong; nothing is written
     */
    @Transactional
    public long create(Draft draft, String by) {
        Draft checked = check(draft);
        long id = store.insert(checked, by, clock.instant());
        audit.record(
                by, "automation.created", "inquiry_automation", String.valueOf(id), Map.of("name", checked.name()));
        return id;
    }

    @Transactional
    public void update(long id, Draft draft, String by) {
        Draft checked = check(draft);
        if (!store.update(id, checked, by, clock.instant())) {
            throw NotFound.automation(id);
        }
        audit.record(
                by, "automation.updated", "inquiry_automation", String.valueOf(id), Map.of("name", checked.name()));
    }

    /** Switches a rule on or off without changing it. */
    @Transactional
    public void enable(long id, boolean enabled, String by) {
        if (!store.enable(id, enabled, by, clock.instant())) {
            throw NotFound.automation(id);
        }
        audit.record(
                by,
                enabled ? "automation.enabled" : "automation.disabled",
                "inquiry_automation",
                String.valueOf(id),
                Map.of());
    }

    /** Deletes a rule and its firing records. */
    @Transactional
    public void delete(long id, String by) {
        if (!store.delete(id)) {
            throw NotFound.automation(id);
        }
        audit.record(by, "automation.deleted", "inquiry_automation", String.valueOf(id), Map.of());
    }

    /**
     * Runs every enabled time rule over the inquiries it may apply to now (the schedule calls this;
     * tests and the demo call it after moving their clock). Each firing is its own transaction.
     *
     * @return how many times rules fired
     */
    public int runDue() {
        return runner.runTimeRules(clock.instant());
    }

    private Draft check(Draft draft) {
        String name = InquiryText.line("name", draft.name(), MAX_NAME, true);
        AutomationTrigger trigger = draft.trigger();
        if (trigger == null) {
            throw new InvalidValue("trigger", "is required");
        }
        AutomationConditions c = draft.conditions();
        AutomationTime time = c.time();
        if (trigger.onTime() && time == null) {
            throw new InvalidValue("timeSince", "a time rule needs a time condition");
        }
        if (!trigger.onTime() && time != null) {
            throw new InvalidValue("timeSince", "only a time rule has a time condition");
        }
        if (time != null && (time.amount() < 0 || time.amount() > AutomationTime.MAX_AMOUNT)) {
            throw new InvalidValue("timeAmount", "must be 0 to " + AutomationTime.MAX_AMOUNT);
        }
        if (c.storefront() != null
                && storefronts.find(new StorefrontId(c.storefront())).isEmpty()) {
            throw new InvalidValue("storefront", "is not a storefront");
        }
        String words = InquiryText.line("words", c.words(), AutomationConditions.MAX_WORDS, false);
        if (c.minCustomerValue() != null && c.minCustomerValue() < 0) {
            throw new InvalidValue("minCustomerValue", "must not be negative");
        }
        AutomationActions a = draft.actions();
        String flagReason = InquiryText.line("flagReason", a.flagReason(), Flag.MAX_REASON, false);
        String tag = InquiryTags.check("tag", a.tag());
        String team = a.team() == null || a.team().isBlank() ? null : a.team().strip();
        if (team != null && !teams.exists(team)) {
            throw new InvalidValue("team", "is not a team");
        }
        AutomationActions actions = new AutomationActions(
                a.setPriority(), a.setStatus(), flagReason, tag, team, a.customerMail(), a.notifySupervisors());
        if (actions.isEmpty()) {
            throw new InvalidValue("actions", "choose at least one action");
        }
        return new Draft(
                name,
                draft.enabled(),
                trigger,
                new AutomationConditions(
                        c.status(),
                        c.channel(),
                        c.category(),
                        c.priority(),
                        c.storefront(),
                        words,
                        c.minCustomerValue(),
                        time),
                actions);
    }
}
