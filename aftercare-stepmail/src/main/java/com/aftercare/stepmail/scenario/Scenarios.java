package com.aftercare.stepmail.scenario;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.stepmail.timing.StepDelay;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scenarios as the console shows them: each with its steps on a timeline (earliest first) and
 * how every step's mails fared. Changes go through {@link ScenarioEditor}.
 */
@Service
@NamedInterface("scenarios")
public class Scenarios {

    /**
     * How a step's mails fared, over every version of the step, on both channels: a step that went
     * to the customer on LINE instead of by mail (a notice, {@code Notices}) counts as the mail
     * would. {@code queued} are in the outbox or the LINE outbox and not yet sent (a LINE text whose
     * outcome is unknown, or that LINE refused and is about to go by mail, included); {@code
     * sentByMail} counts a step LINE refused that went by mail instead; test sends are never
     * counted (they are no step mail). Nobody measures opens or clicks, on either channel. {@code
     * couponsRedeemed} counts the coupon codes the step's mails carried (issued to the mail's
     * customer with source {@code step-mail:<id>}) that a storefront reported used at least once, as
     * the campaign figures count "used".
     */
    public record Figures(
            long scheduled,
            long queued,
            long sentByMail,
            long sentOnLine,
            long held,
            long failed,
            long optedOut,
            long couponsRedeemed) {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0);

        /** Sent on either channel. */
        public long sent() {
            return sentByMail + sentOnLine;
        }

        Figures plus(Figures other) {
            return new Figures(
                    scheduled + other.scheduled,
                    queued + other.queued,
                    sentByMail + other.sentByMail,
                    sentOnLine + other.sentOnLine,
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

    /**
     * A step mail still waiting for its time: not in the mail outbox yet (the scheduler moves it
     * there when it is due), so it has no subject until then.
     *
     * @param kind {@code TRANSACTIONAL} or {@code PROMOTIONAL}
     */
    public record ScheduledMail(long id, String template, String kind, Instant dueAt) {}

    private final JdbcClient jdbc;

    Scenarios(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A customer's step mails waiting for their time, the next first: those of one storefront's
     * enrolments and of enrolments that name none (null: of every storefront). Mails of a paused
     * scenario wait for it to go on and are left out, as the scheduler leaves them.
     */
    @Transactional(readOnly = true)
    public List<ScheduledMail> scheduledFor(long customerId, Long storefrontId, int limit) {
        return jdbc.sql("""
                        select m.id, st.template, st.kind, m.due_at
                          from step_mail m
                          join enrolment e on e.id = m.enrolment_id
                          join scenario_step st on st.id = m.step_id
                          join scenario s on s.id = e.scenario_id
                         where e.customer_id = :customer and m.status = 'SCHEDULED' and not s.paused
                           and (cast(:storefront as bigint) is null or e.storefront_id is null
                                or e.storefront_id = :storefront)
                         order by m.due_at, m.id
                         limit :limit
                        """)
                .param("customer", customerId)
                .param("storefront", storefrontId, Types.BIGINT)
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, i) -> new ScheduledMail(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
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

    private record StepKey(long scenario, long origin) {}

    /**
     * Each step's figures, counted from {@link StepMailOutcomes}: the same outcome the deliveries
     * export writes for each mail.
     */
    private Map<StepKey, Figures> figuresByStep(Long scenario) {
        Map<StepKey, Figures> figures = new HashMap<>();
        jdbc.sql("""
                        select st.scenario_id, coalesce(st.origin_id, st.id),
                               count(*) filter (where d.state = 'SCHEDULED'),
                               count(*) filter (where d.state = 'QUEUED'),
                               count(*) filter (where d.state = 'SENT' and d.channel = 'MAIL'),
                               count(*) filter (where d.state = 'SENT' and d.channel = 'LINE'),
                               count(*) filter (where d.state = 'HELD'),
                               count(*) filter (where d.state = 'FAILED'),
                               count(*) filter (where d.opted_out),
                               count(r.source)
                          from (%s) d
                          join scenario_step st on st.id = d.step_id
                          join enrolment e on e.id = d.enrolment_id
                          left join (select distinct source, customer_id from coupon_view
                                      where redemptions > 0 and source like 'step-mail:%%') r
                            on r.source = 'step-mail:' || d.id and r.customer_id = e.customer_id
                         where (cast(:scenario as bigint) is null or st.scenario_id = :scenario)
                         group by 1, 2
                        """.formatted(StepMailOutcomes.ROWS))
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
                                rs.getLong(9),
                                rs.getLong(10))))
                .list()
                .forEach(e -> figures.put(e.getKey(), e.getValue()));
        return figures;
    }
}
