package com.aftercare.stepmail.scenario;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.shared.DomainException;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.stepmail.templates.MailTemplate;
import com.aftercare.stepmail.templates.MailTemplates;
import com.aftercare.stepmail.templates.TemplateValidator;
import com.aftercare.stepmail.templates.TemplateValidator.Problem;
import com.aftercare.stepmail.templates.TemplateVariables;
import com.aftercare.stepmail.timing.StepDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's scenario editor: scenarios with their figures, their steps on a timeline, and the
 * changes a supervisor makes. A change never touches a customer already enrolled: editing a step
 * retires its row and adds a new version, so mails already scheduled keep the delay, template and
 * rules they were scheduled with, while enrolments from now on get the new one. Every change is
 * audited.
 */
@Service
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

    /** What a supervisor's change was refused for, field by field; nothing was written. */
    public static final class Rejected extends DomainException {

        private final List<Problem> problems;

        Rejected(List<Problem> problems) {
            super("Refused: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * How a step's mails fared, over every version of the step. {@code queued} are in the outbox
     * and not yet sent; test sends are never counted (they are no step mail). {@code couponsRedeemed}
     * counts the coupon codes the step's mails carried (issued to the mail's customer with source
     * {@code step-mail:<id>}) that a storefront reported used at least once, as the campaign
     * figures count "used".
     */
    public record Figures(
            long scheduled, long queued, long sent, long held, long failed, long optedOut, long couponsRedeemed) {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(
                    scheduled + other.scheduled,
                    queued + other.queued,
                    sent + other.sent,
                    held + other.held,
                    failed + other.failed,
                    optedOut + other.optedOut,
                    couponsRedeemed + other.couponsRedeemed);
        }
    }

    public record Audience(Long storefrontId, String category, String sku, String buyer) {}

    public record Summary(
            long id, String code, String name, String trigger, boolean paused, int steps, Figures figures) {}

    public record Step(
            long id,
            int position,
            StepDelay delay,
            String kind,
            String template,
            boolean urgent,
            boolean holdWhileClaimOpen,
            String afterHold,
            String overCap,
            Figures figures) {}

    /** A scenario with its live steps in timeline order (earliest first). */
    public record Scenario(
            long id, String code, String name, String trigger, Audience audience, boolean paused, List<Step> steps) {

        public Step step(long stepId) {
            return steps.stream()
                    .filter(s -> s.id() == stepId)
                    .findFirst()
                    .orElseThrow(() -> NotFound.scenarioStep(stepId));
        }
    }

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
    private final MailTemplates templates;
    private final TemplateValidator validator;
    private final AuditLog audit;
    private final Clock clock;

    ScenarioEditor(JdbcClient jdbc, MailTemplates templates, TemplateValidator validator, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Summary> list() {
        Map<Long, Figures> figures = new HashMap<>();
        figuresByStep(null).forEach((step, f) -> figures.merge(step.scenario(), f, Figures::plus));
        return jdbc.sql("""
                        select s.id, s.code, s.name, s.trigger_event, s.paused,
                               (select count(*) from scenario_step st where st.scenario_id = s.id and st.retired_at is null)
                          from scenario s order by s.id
                        """)
                .query((rs, i) -> new Summary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getInt(6),
                        figures.getOrDefault(rs.getLong(1), Figures.NONE)))
                .list();
    }

    @Transactional(readOnly = true)
    public Scenario find(long id) {
        Scenario scenario = jdbc.sql("""
                        select id, code, name, trigger_event, storefront_id, category, sku, buyer, paused
                          from scenario where id = :id
                        """)
                .param("id", id)
                .query((rs, i) -> new Scenario(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        new Audience((Long) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                        rs.getBoolean(9),
                        List.of()))
                .optional()
                .orElseThrow(() -> NotFound.scenario(id));
        Map<Long, Figures> figures = new HashMap<>();
        figuresByStep(id).forEach((step, f) -> figures.put(step.origin(), f));
        List<Step> steps = jdbc
                .sql("""
                        select id, position, delay_amount, delay_unit, at_time, kind, template, urgent,
                               hold_while_claim_open, after_hold, over_cap, coalesce(origin_id, id)
                          from scenario_step where scenario_id = :id and retired_at is null
                        """)
                .param("id", id)
                .query((rs, i) -> new Step(
                        rs.getLong(1),
                        rs.getInt(2),
                        new StepDelay(
                                rs.getInt(3),
                                StepDelay.Unit.valueOf(rs.getString(4)),
                                rs.getObject(5, LocalTime.class)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8),
                        rs.getBoolean(9),
                        rs.getString(10),
                        rs.getString(11),
                        figures.getOrDefault(rs.getLong(12), Figures.NONE)))
                .list()
                .stream()
                .sorted(Comparator.comparing((Step s) -> s.delay().nominalOffset())
                        .thenComparing(Step::position))
                .toList();
        return new Scenario(
                scenario.id(),
                scenario.code(),
                scenario.name(),
                scenario.trigger(),
                scenario.audience(),
                scenario.paused(),
                steps);
    }

    /** Name, trigger and audience. Every live step's template must still fit the trigger's variables. */
    @Transactional
    public void update(long id, ScenarioChange change, String by) {
        Scenario scenario = find(id);
        List<Problem> problems = new ArrayList<>();
        requireText(problems, "name", change.name(), MAX_NAME, true);
        if (!TRIGGERS.contains(change.trigger())) {
            problems.add(new Problem("trigger", "choose one of " + TRIGGERS));
        }
        Audience audience = change.audience();
        requireText(problems, "category", audience.category(), MAX_AUDIENCE_TEXT, false);
        requireText(problems, "sku", audience.sku(), MAX_AUDIENCE_TEXT, false);
        if (!BUYERS.contains(audience.buyer())) {
            problems.add(new Problem("buyer", "choose one of " + BUYERS));
        }
        if (audience.storefrontId() != null
                && jdbc.sql("select count(*) from storefront where id = :id")
                                .param("id", audience.storefrontId())
                                .query(Long.class)
                                .single()
                        == 0) {
            problems.add(new Problem("storefrontId", "no such storefront"));
        }
        boolean orderAudience = blankToNull(audience.category()) != null
                || blankToNull(audience.sku()) != null
                || !"ANY".equals(audience.buyer());
        if ("customer.registered".equals(change.trigger()) && orderAudience) {
            problems.add(new Problem("trigger", "a registration has no order: category, SKU and buyer do not apply"));
        }
        if (problems.isEmpty()) {
            for (Step step : scenario.steps()) {
                templateProblems(step.template(), change.trigger(), "PROMOTIONAL".equals(step.kind()))
                        .forEach(p ->
                                problems.add(new Problem("trigger", "step " + step.template() + ": " + p.message())));
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
        Scenario scenario = find(scenarioId);
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
        Scenario scenario = find(scenarioId);
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
        find(scenarioId).step(stepId);
        jdbc.sql("update scenario_step set retired_at = :now where id = :id and retired_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", stepId)
                .update();
        audit.record(by, "scenario.step.removed", "scenario", Long.toString(scenarioId), Map.of("step", stepId));
    }

    /** Pausing holds every mail of the scenario still waiting; nothing of it goes out until resumed. */
    @Transactional
    public void pause(long id, String by) {
        find(id);
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
        find(id);
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

    /** Every template code a step can use. */
    @Transactional(readOnly = true)
    public List<String> templateCodes() {
        return templates.codes();
    }

    /**
     * Saves the shop's own version of a template after checking it against the variables of
     * every live step that uses it (a promotional step adds the opt-out variables).
     */
    @Transactional
    public void saveTemplate(String code, String language, MailTemplate template, String by) {
        if (!MailTemplates.LANGUAGES.contains(language)) {
            throw new Rejected(List.of(new Problem("language", "choose one of " + MailTemplates.LANGUAGES)));
        }
        if (!templates.codes().contains(code)) {
            throw NotFound.mailTemplate(code);
        }
        List<Problem> problems = validator.check(template, variablesFor(code));
        refuseIfAny(problems);
        templates.store(code, language, template, by);
        audit.record(by, "mail.template.saved", "mail_template", code + "/" + language, Map.of());
    }

    /**
     * The variables a template may use: those every live step using it has. A template no step
     * uses yet is checked as an order mail.
     */
    @Transactional(readOnly = true)
    public TemplateVariables variablesFor(String code) {
        List<Map.Entry<String, Boolean>> uses = jdbc.sql("""
                        select distinct s.trigger_event, st.kind = 'PROMOTIONAL'
                          from scenario_step st join scenario s on s.id = st.scenario_id
                         where st.template = :code and st.retired_at is null
                        """)
                .param("code", code)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                .list();
        if (uses.isEmpty()) {
            return TemplateVariables.ORDER;
        }
        // the narrowest set: a name must be known to every use
        Map<String, Object> common = null;
        for (Map.Entry<String, Boolean> use : uses) {
            Map<String, Object> these =
                    TemplateVariables.forTrigger(use.getKey(), use.getValue()).samples();
            if (common == null) {
                common = new LinkedHashMap<>(these);
            } else {
                common.keySet().retainAll(these.keySet());
            }
        }
        return new TemplateVariables(common);
    }

    private void validate(Scenario scenario, StepChange change) {
        List<Problem> problems = new ArrayList<>();
        StepDelay.Unit unit = null;
        try {
            unit = StepDelay.Unit.valueOf(String.valueOf(change.delayUnit()));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("delayUnit", "choose minutes, hours or days"));
        }
        if (change.delayAmount() == null || change.delayAmount() < 0) {
            problems.add(new Problem("delayAmount", "must be 0 or more"));
        } else if (unit != null) {
            if (change.atTime() != null && unit != StepDelay.Unit.DAYS) {
                problems.add(new Problem("atTime", "a time of day only goes with a delay in days"));
            } else if (!new StepDelay(change.delayAmount(), unit, change.atTime()).isWithin(LONGEST_DELAY)) {
                problems.add(new Problem("delayAmount", "must stay within ten years of the trigger"));
            }
        }
        requireChoice(problems, "kind", change.kind(), KINDS);
        requireChoice(problems, "afterHold", change.afterHold(), AFTER_HOLD);
        requireChoice(problems, "overCap", change.overCap(), OVER_CAP);
        if (change.template() == null || !templates.codes().contains(change.template())) {
            problems.add(new Problem("template", "choose one of the templates"));
        } else if (KINDS.contains(change.kind())) {
            templateProblems(change.template(), scenario.trigger(), "PROMOTIONAL".equals(change.kind()))
                    .forEach(p -> problems.add(new Problem("template", p.message())));
        }
        refuseIfAny(problems);
    }

    /** The template as stored in every language, against what this trigger and kind provide. */
    private List<Problem> templateProblems(String code, String trigger, boolean promotional) {
        TemplateVariables variables = TemplateVariables.forTrigger(trigger, promotional);
        List<Problem> problems = new ArrayList<>();
        for (String language : MailTemplates.LANGUAGES) {
            templates.find(code, language).ifPresent(t -> problems.addAll(validator.check(t, variables)));
        }
        return problems;
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

    private record StepKey(long scenario, long origin) {}

    private Map<StepKey, Figures> figuresByStep(Long scenario) {
        Map<StepKey, Figures> figures = new HashMap<>();
        jdbc.sql("""
                        select st.scenario_id, coalesce(st.origin_id, st.id),
                               count(*) filter (where m.status = 'SCHEDULED'),
                               count(*) filter (where m.status = 'ENQUEUED' and o.status in ('PENDING', 'CLAIMED', 'IN_FLIGHT', 'UNKNOWN')),
                               count(*) filter (where o.status = 'SENT'),
                               count(*) filter (where m.status = 'HELD'),
                               count(*) filter (where o.status = 'FAILED' or (m.status = 'SKIPPED' and m.reason like 'failed:%')),
                               count(*) filter (where m.reason = 'customer opted out' or o.last_error = 'customer opted out'),
                               count(r.source)
                          from step_mail m
                          join scenario_step st on st.id = m.step_id
                          join enrolment e on e.id = m.enrolment_id
                          left join outbound_mail o on o.id = m.outbound_mail_id
                          left join (select distinct source, customer_id from coupon
                                      where redemptions > 0 and source like 'step-mail:%') r
                            on r.source = 'step-mail:' || m.id and r.customer_id = e.customer_id
                         where (cast(:scenario as bigint) is null or st.scenario_id = :scenario)
                         group by 1, 2
                        """)
                .param("scenario", scenario)
                .query((rs, i) -> Map.entry(
                        new StepKey(rs.getLong(1), rs.getLong(2)),
                        new Figures(
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7),
                                rs.getLong(8),
                                rs.getLong(9))))
                .list()
                .forEach(e -> figures.put(e.getKey(), e.getValue()));
        return figures;
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

    private static void requireChoice(List<Problem> problems, String field, String value, List<String> choices) {
        if (value == null || !choices.contains(value)) {
            problems.add(new Problem(field, "choose one of " + choices));
        }
    }

    private static void requireText(List<Problem> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem(field, "must not be empty"));
            }
            return;
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem(field, "must be at most " + max + " characters, without control characters"));
        }
    }

    private static void refuseIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
