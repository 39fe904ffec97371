package com.aftercare.stepmail.scenario;

import com.aftercare.domain.claim.ClaimEvents.ClaimResolved;
import com.aftercare.domain.claim.ClaimId;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryResolved;
import com.aftercare.domain.line.LineNotices;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.order.OrderEvents.CustomerRegistered;
import com.aftercare.domain.order.OrderEvents.OrderCancelled;
import com.aftercare.domain.order.OrderEvents.OrderDelivered;
import com.aftercare.domain.order.OrderEvents.OrderPlaced;
import com.aftercare.domain.order.OrderEvents.OrderShipped;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.stepmail.timing.StepDelay;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Enrols a customer in every scenario whose trigger and audience match a domain event, and
 * schedules one step mail per step. Idempotent: the database holds one enrolment per (scenario,
 * customer, order, claim, inquiry) and one step mail per (enrolment, step), so a republished event
 * adds nothing. A cancelled order cancels what is still waiting.
 *
 * <p>A resolved claim or inquiry enrols with its order's full audience (a claim always has an
 * order); an inquiry without an order matches only scenarios that need none: no category, SKU or
 * buyer rule, and the inquiry's storefront.
 *
 * <p>Listeners run in any order: an {@code order.shipped} may be enrolled after the order's
 * cancellation was heard. So an order trigger never enrols a cancelled order, the cancellation
 * also withdraws what already waits in the outbox, and the scheduler looks at the order again when
 * a mail falls due.
 */
@Component
class ScenarioEnrolment {

    /** The template of the steps an exchange starts again for its new variant. */
    static final String USAGE_TIPS = "usage-tips";

    /** Why the mails of a cancelled order are cancelled. */
    static final String ORDER_CANCELLED = "order cancelled";

    private final JdbcClient jdbc;
    private final ShopProperties shop;
    private final Mails mails;
    private final LineNotices lineNotices;

    ScenarioEnrolment(JdbcClient jdbc, ShopProperties shop, Mails mails, LineNotices lineNotices) {
        this.jdbc = jdbc;
        this.shop = shop;
        this.mails = mails;
        this.lineNotices = lineNotices;
    }

    /**
     * In the ingestion's transaction, like the thank-you mail: enrolling writes step-mail rows of
     * our own, and a placed order is the one event every order sends (docs/architecture.md).
     */
    @EventListener
    void on(OrderPlaced event) {
        enrolForOrder("order.placed", event.order(), event.customer(), Source.NONE, event.placedAt());
    }

    @ApplicationModuleListener
    void on(OrderShipped event) {
        enrolForOrder("order.shipped", event.order(), event.customer(), Source.NONE, event.shippedAt());
    }

    @ApplicationModuleListener
    void on(OrderDelivered event) {
        enrolForOrder("order.delivered", event.order(), event.customer(), Source.NONE, event.deliveredAt());
    }

    @ApplicationModuleListener
    void on(CustomerRegistered event) {
        enrolWithoutOrder(
                "customer.registered", event.storefront(), event.customer(), Source.NONE, event.registeredAt());
    }

    @ApplicationModuleListener
    void on(ClaimResolved event) {
        enrolForOrder(
                "claim.resolved",
                event.order(),
                event.customer(),
                new Source(event.claim().value(), event.rma(), null, null, false),
                event.resolvedAt());
    }

    @ApplicationModuleListener
    void on(InquiryResolved event) {
        Source source = new Source(null, null, event.inquiry().value(), event.reference(), false);
        if (event.order() != null) {
            enrolForOrder("inquiry.resolved", event.order(), event.customer(), source, event.resolvedAt());
        } else {
            enrolWithoutOrder("inquiry.resolved", event.storefront(), event.customer(), source, event.resolvedAt());
        }
    }

    /**
     * Cancels what still waits, and withdraws from the outbox what a scheduler round enqueued just
     * before the cancellation (a mail a dispatcher already took may be on the wire, and goes).
     */
    @ApplicationModuleListener
    void on(OrderCancelled event) {
        jdbc.sql("""
                        update step_mail set status = 'CANCELLED', reason = :reason, updated_at = now()
                         where status in ('SCHEDULED', 'HELD')
                           and enrolment_id in (select id from enrolment where order_id = :order)
                        """)
                .param("reason", ORDER_CANCELLED)
                .param("order", event.order().value())
                .update();
        // what the steps became: a mail, or a notice on LINE (the notices' choice)
        record Enqueued(Long mail, Long linePush) {}
        List<Enqueued> enqueued = jdbc.sql("""
                        select m.outbound_mail_id, m.line_push_id from step_mail m join enrolment e on e.id = m.enrolment_id
                         where e.order_id = :order and e.claim_id is null and e.inquiry_id is null
                           and m.status = 'ENQUEUED'
                        """)
                .param("order", event.order().value())
                .query((rs, i) -> new Enqueued((Long) rs.getObject(1), (Long) rs.getObject(2)))
                .list();
        mails.withdraw(
                enqueued.stream().map(Enqueued::mail).filter(Objects::nonNull).toList(), ORDER_CANCELLED);
        lineNotices.withdraw(
                enqueued.stream()
                        .map(Enqueued::linePush)
                        .filter(Objects::nonNull)
                        .toList(),
                ORDER_CANCELLED);
    }

    /**
     * An exchange sent another variant: the usage tips of the order's own scenarios start again
     * from the exchange's shipment, for the new variant ({@link ProductStops} names it in the mail).
     * One enrolment per scenario and claim, so a redelivered event schedules nothing twice.
     */
    void restartUsageTips(OrderId order, CustomerId customer, ClaimId claim, String rma, Instant at) {
        record Enrolled(long scenario, Long storefront) {}
        List<Enrolled> scenarios = jdbc.sql("""
                        select distinct e.scenario_id, e.storefront_id from enrolment e
                         where e.order_id = :order and e.claim_id is null and e.inquiry_id is null
                           and exists (select 1 from scenario_step st
                                        where st.scenario_id = e.scenario_id and st.template = :template
                                          and st.retired_at is null)
                        """)
                .param("order", order.value())
                .param("template", USAGE_TIPS)
                .query((rs, i) -> new Enrolled(rs.getLong(1), (Long) rs.getObject(2)))
                .list();
        Source source = new Source(claim.value(), rma, null, null, true);
        scenarios.forEach(e -> enrol(
                e.scenario(),
                customer,
                order,
                e.storefront() == null ? null : new StorefrontId(e.storefront()),
                source,
                at,
                USAGE_TIPS));
    }

    /**
     * The claim or inquiry an enrolment belongs to, as its event named it (the RMA, the reference);
     * none for order and registration triggers. {@code exchange}: an exchange's restart of usage tips.
     */
    private record Source(Long claim, String claimRma, Long inquiry, String inquiryReference, boolean exchange) {
        static final Source NONE = new Source(null, null, null, null, false);
    }

    /** Category, SKU and first/repeat buyer need an order: without one, only the storefront applies. */
    private void enrolWithoutOrder(
            String trigger, StorefrontId storefront, CustomerId customer, Source source, Instant at) {
        List<Long> scenarios = jdbc.sql("""
                        select id from scenario
                         where trigger_event = :trigger and category is null and sku is null and buyer = 'ANY'
                           and (storefront_id is null or storefront_id = cast(:storefront as bigint))
                        """)
                .param("trigger", trigger)
                .param("storefront", storefront == null ? null : storefront.value())
                .query(Long.class)
                .list();
        scenarios.forEach(scenario -> enrol(scenario, customer, null, storefront, source, at, null));
    }

    private void enrolForOrder(String trigger, OrderId order, CustomerId customer, Source source, Instant at) {
        // The audience: storefront, a bought category or SKU, first or repeat buyer.
        record Match(long scenario, StorefrontId storefront) {}
        List<Match> scenarios = jdbc.sql("""
                        select s.id, o.storefront_id from scenario s
                          join order_view o on o.id = :order
                         where s.trigger_event = :trigger
                           and (s.storefront_id is null or s.storefront_id = o.storefront_id)
                           and (o.status <> 'CANCELLED' or s.trigger_event not like 'order.%')
                           and (s.category is null or exists (select 1 from order_line_view l where l.order_id = o.id and l.category = s.category))
                           and (s.sku is null or exists (select 1 from order_line_view l where l.order_id = o.id and l.sku = s.sku))
                           and (s.buyer = 'ANY'
                                or (s.buyer = 'FIRST') = not exists (select 1 from order_view p
                                                                      where p.customer_id = o.customer_id and p.id <> o.id
                                                                        and p.placed_at < o.placed_at))
                        """)
                .param("order", order.value())
                .param("trigger", trigger)
                .query((rs, i) -> new Match(rs.getLong("id"), new StorefrontId(rs.getLong("storefront_id"))))
                .list();
        scenarios.forEach(match -> enrol(match.scenario(), customer, order, match.storefront(), source, at, null));
    }

    private record Step(long id, StepDelay delay) {}

    /**
     * Enrols once per scenario and trigger. The storefront the customer came through is kept, so a
     * mail of a scenario for every storefront still goes out as that storefront (its sender).
     * {@code onlyTemplate}: schedule only the steps using it (null: every step).
     */
    private void enrol(
            long scenario,
            CustomerId customer,
            OrderId order,
            StorefrontId storefront,
            Source source,
            Instant at,
            String onlyTemplate) {
        Long enrolment = jdbc.sql("""
                        insert into enrolment (scenario_id, customer_id, order_id, storefront_id, claim_id, claim_rma,
                                               inquiry_id, inquiry_reference, exchange, triggered_at)
                        values (:scenario, :customer, :order, :storefront, :claim, :claimRma, :inquiry,
                                :inquiryReference, :exchange, :at)
                        on conflict do nothing
                        returning id
                        """)
                .param("scenario", scenario)
                .param("customer", customer.value())
                .param("order", order == null ? null : order.value())
                .param("storefront", storefront == null ? null : storefront.value())
                .param("claim", source.claim())
                .param("claimRma", source.claimRma())
                .param("inquiry", source.inquiry())
                .param("inquiryReference", source.inquiryReference())
                .param("exchange", source.exchange())
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (enrolment == null) {
            return; // enrolled before: this is a republished event
        }
        List<Step> steps = jdbc.sql("""
                        select id, delay_amount, delay_unit, at_time from scenario_step
                         where scenario_id = :scenario and retired_at is null
                           and (cast(:template as text) is null or template = :template)
                        """)
                .param("scenario", scenario)
                .param("template", onlyTemplate)
                .query((rs, i) -> new Step(
                        rs.getLong("id"),
                        new StepDelay(
                                rs.getInt("delay_amount"),
                                StepDelay.Unit.valueOf(rs.getString("delay_unit")),
                                rs.getObject("at_time", LocalTime.class))))
                .list();
        for (Step step : steps) {
            jdbc.sql("""
                            insert into step_mail (enrolment_id, step_id, due_at, status, reason)
                            select :enrolment, :step, :due,
                                   case when s.paused then 'HELD' else 'SCHEDULED' end,
                                   case when s.paused then :paused end
                              from scenario s where s.id = :scenario
                            on conflict (enrolment_id, step_id) do nothing
                            """)
                    .param("scenario", scenario)
                    .param("paused", ScenarioEditor.PAUSED_REASON)
                    .param("enrolment", enrolment)
                    .param("step", step.id())
                    .param("due", Timestamp.from(step.delay().dueAfter(at, shop.zone())))
                    .update();
        }
    }
}
