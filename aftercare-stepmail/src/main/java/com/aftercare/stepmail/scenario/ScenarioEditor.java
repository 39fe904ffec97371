package com.aftercare.stepmail.scenario;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.mail.MailTemplateCatalogue;
import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.domain.shared.Rejected;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.scenario.Scenarios.Audience;
import com.aftercare.stepmail.scenario.Scenarios.Scenario;
import com.aftercare.stepmail.scenario.Scenarios.Step;
import com.aftercare.stepmail.templates.StepVariables;
import com.aftercare.stepmail.timing.StepDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes a supervisor makes to scenarios and their steps ({@link Scenarios} reads them). A
 * change never touches a customer already enrolled: editing a step
 * retires its row and adds a new version, so mails already scheduled keep the delay, template and
 * rules they were scheduled with, while enrolments from now on get the new one. Every change is
 * audited.
 */
@Service
@NamedInterface("scenarios")
public class ScenarioEditor {

    public static final List<String> TRIGGERS = List.of(
            "order.placed",
            "order.shipped",
            "order.delivered",
            "customer.registered",
            "claim.resolved",
            "inquiry.resolved");
    public static final List<String> BUYERS = List.of("ANY", "FIRST", "REPEAT");
    public static final List<String> KINDS = List.of("TRANSACTIONAL", "PROMOTIONAL");
    public static final List<String> AFTER_HOLD = List.of("RESUME", "DROP");
    public static final List<String> OVER_CAP = List.of("POSTPONE", "SKIP");

    static final String PAUSED_REASON = "scenario paused";
    private static final Duration LONGEST_DELAY = Duration.ofDays(3660);
    private static final int MAX_NAME = 200;
    private static final int MAX_AUDIENCE_TEXT = 200;

    public record ScenarioChange(String name, String trigger, Audience audience) {}

    /** A step as the editor submits it; {@code delayAmount} may be null when the field was left empty. */
    public record StepChange(
            Integer delayAmount,
            String delayUnit,
            LocalTime atTime,
            String kind,
            String template,
            boolean urgent,
            boolean holdWhileClaimOpen,
            String afterHold,
            String overCap) {}

    private final JdbcClient jdbc;
    private final Scenarios scenarios;
    private final MailTemplateCatalogue catalogue;
    private final Storefronts storefronts;
    private final AuditLog audit;
    private final Clock clock;

    ScenarioEditor(
            JdbcClient jdbc,
            Scenarios scenarios,
            MailTemplateCatalogue catalogue,
            Storefronts storefronts,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.scenarios = scenarios;
        this.catalogue = catalogue;
        this.storefronts = storefronts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Name, trigger and audience. Every live step's template must still fit the trigger's variables. */
    @Transactional
    public void update(long id, ScenarioChange change, String by) {
        Scenario scenario = scenarios.find(id);
        List<FieldProblem> problems = new ArrayList<>();
        requireText(problems, "name", change.name(), MAX_NAME, true);
        if (!TRIGGERS.contains(change.trigger())) {
            problems.add(new FieldProblem("trigger", "choose one of " + TRIGGERS));
        }
        Audience audience = change.audience();
        requireText(problems, "category", audience.category(), MAX_AUDIENCE_TEXT, false);
        requireText(problems, "sku", audience.sku(), MAX_AUDIENCE_TEXT, false);
        if (!BUYERS.contains(audience.buyer())) {
            problems.add(new FieldProblem("buyer", "choose one of " + BUYERS));
        }
        if (audience.storefrontId() != null
                && storefronts.find(new StorefrontId(audience.storefrontId())).isEmpty()) {
            problems.add(new FieldProblem("storefrontId", "no such storefront"));
        }
        boolean orderAudience = blankToNull(audience.category()) != null
                || blankToNull(audience.sku()) != null
                || !"ANY".equals(audience.buyer());
        if ("customer.registered".equals(change.trigger()) && orderAudience) {
            problems.add(
                    new FieldProblem("trigger", "a registration has no order: category, SKU and buyer do not apply"));
        }
        if (problems.isEmpty()) {
            for (Step step : scenario.steps()) {
                templateProblems(step.template(), change.trigger(), "PROMOTIONAL".equals(step.kind()))
                        .forEach(p -> problems.add(
                                new FieldProblem("trigger", "step " + step.template() + ": " + p.message())));
            }
        }
        refuseIfAny(problems);
        jdbc.sql("""
                        update scenario set name = :name, trigger_event = :trigger, storefront_id = :storefront,
                                            category = :category, sku = :sku, buyer = :buyer,
                                            updated_at = now(), version = version + 1
                         where id = :id
                        """)
                .param("name", change.name().strip())
                .param("trigger", change.trigger())
                .param("storefront", audience.storefrontId())
                .param("category", blankToNull(audience.category()))
                .param("sku", blankToNull(audience.sku()))
                .param("buyer", audience.buyer())
                .param("id", id)
                .update();
        audit.record(by, "scenario.changed", "scenario", Long.toString(id), Map.of("trigger", change.trigger()));
    }

    /** Replaces a step for future enrolments: the old version is retired, mails scheduled from it stay as they are. */
    @Transactional
    public long changeStep(long scenarioId, long stepId, StepChange change, String by) {
        Scenario scenario = scenarios.find(scenarioId);
        Step current = scenario.step(stepId);
        validate(scenario, change);
        lockScenario(scenarioId);
        Long origin = jdbc.sql("""
                        update scenario_step set retired_at = :now where id = :id and retired_at is null
                        returning coalesce(origin_id, id)
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", stepId)
                .query(Long.class)
                .single();
        long id = insertStep(scenarioId, current.position(), change, origin, stepId);
        audit.record(by, "scenario.step.changed", "scenario", Long.toString(scenarioId), details(stepId, change));
        return id;
    }

    @Transactional
    public long addStep(long scenarioId, StepChange change, String by) {
        Scenario scenario = scenarios.find(scenarioId);
        validate(scenario, change);
        lockScenario(scenarioId);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from scenario_step where scenario_id = :id")
                .param("id", scenarioId)
                .query(Integer.class)
                .single();
        long id = insertStep(scenarioId, position, change, null, null);
        audit.record(by, "scenario.step.added", "scenario", Long.toString(scenarioId), details(id, change));
        return id;
    }

    /** Takes a step out of future enrolments; mails already scheduled from it still go out. */
    @Transactional
    public void removeStep(long scenarioId, long stepId, String by) {
        scenarios.find(scenarioId).step(stepId);
        jdbc.sql("update scenario_step set retired_at = :now where id = :id and retired_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", stepId)
                .update();
        audit.record(by, "scenario.step.removed", "scenario", Long.toString(scenarioId), Map.of("step", stepId));
    }

    /** Pausing holds every mail of the scenario still waiting; nothing of it goes out until resumed. */
    @Transactional
    public void pause(long id, String by) {
        scenarios.find(id);
        jdbc.sql("update scenario set paused = true, updated_at = now() where id = :id")
                .param("id", id)
                .update();
        jdbc.sql("""
                        update step_mail m set status = 'HELD', reason = :reason, updated_at = now()
                          from enrolment e
                         where e.id = m.enrolment_id and e.scenario_id = :id and m.status = 'SCHEDULED'
                        """).param("reason", PAUSED_REASON).param("id", id).update();
        audit.record(by, "scenario.paused", "scenario", Long.toString(id), Map.of());
    }

    /**
     * Resuming releases what the pause held: due now at the earliest (quiet hours and caps still
     * apply when the scheduler takes them). Mails held for an open claim stay held.
     */
    @Transactional
    public void resume(long id, String by) {
        scenarios.find(id);
        jdbc.sql("update scenario set paused = false, updated_at = now() where id = :id")
                .param("id", id)
                .update();
        jdbc.sql("""
                        update step_mail m set status = 'SCHEDULED', reason = null, due_at = greatest(m.due_at, :now),
                                               updated_at = now()
                          from enrolment e
                         where e.id = m.enrolment_id and e.scenario_id = :id and m.status = 'HELD' and m.reason = :reason
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", PAUSED_REASON)
                .param("id", id)
                .update();
        audit.record(by, "scenario.resumed", "scenario", Long.toString(id), Map.of());
    }

    /** Every template a step can use: the free templates, which no module sends on its own. */
    @Transactional(readOnly = true)
    public List<String> templateCodes() {
        return catalogue.freeTemplates();
    }

    private void validate(Scenario scenario, StepChange change) {
        List<FieldProblem> problems = new ArrayList<>();
        StepDelay.Unit unit = null;
        try {
            unit = StepDelay.Unit.valueOf(String.valueOf(change.delayUnit()));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("delayUnit", "choose minutes, hours or days"));
        }
        if (change.delayAmount() == null || change.delayAmount() < 0) {
            problems.add(new FieldProblem("delayAmount", "must be 0 or more"));
        } else if (unit != null) {
            if (change.atTime() != null && unit != StepDelay.Unit.DAYS) {
                problems.add(new FieldProblem("atTime", "a time of day only goes with a delay in days"));
            } else if (!new StepDelay(change.delayAmount(), unit, change.atTime()).isWithin(LONGEST_DELAY)) {
                problems.add(new FieldProblem("delayAmount", "must stay within ten years of the trigger"));
            }
        }
        requireChoice(problems, "kind", change.kind(), KINDS);
        requireChoice(problems, "afterHold", change.afterHold(), AFTER_HOLD);
        requireChoice(problems, "overCap", change.overCap(), OVER_CAP);
        if (change.template() == null || !catalogue.freeTemplates().contains(change.template())) {
            problems.add(new FieldProblem("template", "choose one of the templates"));
        } else if (KINDS.contains(change.kind())) {
            templateProblems(change.template(), scenario.trigger(), "PROMOTIONAL".equals(change.kind()))
                    .forEach(p -> problems.add(new FieldProblem("template", p.message())));
        }
        refuseIfAny(problems);
    }

    /** Every version of the template (each language, the shop's, each storefront's) against this trigger and kind. */
    private List<FieldProblem> templateProblems(String code, String trigger, boolean promotional) {
        return catalogue.problemsWith(code, StepVariables.forTrigger(trigger, promotional));
    }

    /**
     * @param previous the version this one replaces, or null for a new step: the editor does not
     *     choose coupons (yet), so a new version keeps the previous one's campaign
     */
    private long insertStep(long scenarioId, int position, StepChange change, Long origin, Long previous) {
        return jdbc.sql("""
                        insert into scenario_step (scenario_id, position, delay_amount, delay_unit, at_time, kind, template,
                                                   urgent, hold_while_claim_open, after_hold, over_cap, origin_id,
                                                   coupon_campaign_id)
                        values (:scenario, :position, :amount, :unit, :at, :kind, :template,
                                :urgent, :hold, :afterHold, :overCap, :origin,
                                (select coupon_campaign_id from scenario_step where id = :previous))
                        returning id
                        """)
                .param("scenario", scenarioId)
                .param("position", position)
                .param("amount", change.delayAmount())
                .param("unit", change.delayUnit())
                .param("at", change.atTime())
                .param("kind", change.kind())
                .param("template", change.template())
                .param("urgent", change.urgent())
                .param("hold", change.holdWhileClaimOpen())
                .param("afterHold", change.afterHold())
                .param("overCap", change.overCap())
                .param("origin", origin)
                .param("previous", previous)
                .query(Long.class)
                .single();
    }

    /** Two supervisors adding steps at once must not both take the same position. */
    private void lockScenario(long id) {
        jdbc.sql("select id from scenario where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> details(long stepId, StepChange change) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", stepId);
        details.put(
                "delay",
                change.delayAmount() + " " + change.delayUnit()
                        + (change.atTime() == null ? "" : " " + change.atTime()));
        details.put("template", change.template());
        details.put("kind", change.kind());
        return details;
    }

    private static void requireChoice(List<FieldProblem> problems, String field, String value, List<String> choices) {
        if (value == null || !choices.contains(value)) {
            problems.add(new FieldProblem(field, "choose one of " + choices));
        }
    }

    private static void requireText(
            List<FieldProblem> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "must not be empty"));
            }
            return;
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters, without control characters"));
        }
    }

    private static void refuseIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
