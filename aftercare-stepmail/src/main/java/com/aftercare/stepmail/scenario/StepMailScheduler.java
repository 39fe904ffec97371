package com.aftercare.stepmail.scenario;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.OrderMailVariables;
import com.aftercare.domain.mail.SendDecision;
import com.aftercare.domain.notice.Notices;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.stepmail.templates.CouponMailVariables;
import com.aftercare.stepmail.templates.StepVariables;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Moves due step mails into the mail outbox, a batch at a time, safely beside other instances
 * ({@code FOR UPDATE SKIP LOCKED}). A mail due in quiet hours is moved to their end instead,
 * unless its step is urgent; a paused scenario's mails simply wait.
 *
 * <p>Promotional steps go only to customers who consented (特定電子メール法), carry a one-click
 * opt-out link and {@code List-Unsubscribe} headers, and keep the frequency cap across every
 * scenario and newsletter: over the cap, a step is postponed to the first shop day with room, or
 * skipped when its rule says so.
 *
 * <p>The statement that takes a due mail (under its row lock) asks every stop condition again,
 * whatever the listeners did before: the order cancelled, every product of it sent back, a hold
 * that applies. Listeners run in any order, so a mail scheduled after its order's cancellation was
 * heard, or resumed after its claim's outcome, is stopped here. A mail about the order's products
 * leaves out the products sent back ({@link ProductStops}).
 */
@Component
@EnableConfigurationProperties(StepMailProperties.class)
// exposed for demo mode, which runs its rounds itself while it replays the demo's past days
@NamedInterface("scenarios")
public class StepMailScheduler {

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Customers customers;
    private final Mails mails;
    private final Notices notices;
    private final OrderMailVariables orderVariables;
    private final StepMailProperties properties;
    private final Clock clock;
    private final Coupons coupons;
    private final CouponMailVariables couponVariables;
    private final BatchRounds rounds;
    private final ProductStops stops;

    StepMailScheduler(
            JdbcClient jdbc,
            Orders orders,
            Customers customers,
            Mails mails,
            Notices notices,
            OrderMailVariables orderVariables,
            StepMailProperties properties,
            Clock clock,
            Coupons coupons,
            CouponMailVariables couponVariables,
            BatchRounds rounds,
            ProductStops stops) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.customers = customers;
        this.mails = mails;
        this.notices = notices;
        this.orderVariables = orderVariables;
        this.properties = properties;
        this.clock = clock;
        this.coupons = coupons;
        this.couponVariables = couponVariables;
        this.rounds = rounds;
        this.stops = stops;
    }

    private record Due(
            long id,
            Instant dueAt,
            long customerId,
            Long orderId,
            MailKind kind,
            String template,
            boolean urgent,
            boolean skipOverCap,
            boolean onHold,
            String stopReason,
            boolean aboutProducts,
            boolean exchange,
            Long storefrontId,
            Long couponCampaignId,
            String claimRma,
            String inquiryReference) {}

    /**
     * One round: takes due step mails and enqueues, postpones or skips each, in one transaction. A
     * mail that cannot be prepared is skipped with the reason and the round runs again without it
     * ({@link BatchRounds}).
     *
     * @return how many step mails this round looked at
     */
    public int runDue() {
        return rounds.run("Step mail", this::round, (id, reason) -> finish(id, "SKIPPED", reason, null) > 0);
    }

    private int round() {
        Instant now = clock.instant();
        // The due mails are taken first (locked, at most a batch), and the stop conditions asked
        // of those alone: asked in the same statement over the whole backlog, PostgreSQL would hash
        // every stop and hold instead of looking up the batch's own (bench/stepmail-stops).
        List<Due> due = jdbc.sql("""
                        with taken as materialized (
                            select m.id, m.due_at, m.enrolment_id, m.step_id
                              from step_mail m
                              join enrolment e on e.id = m.enrolment_id
                              join scenario s on s.id = e.scenario_id
                             where m.status = 'SCHEDULED' and m.due_at <= :now and not s.paused
                             order by m.due_at
                             limit :limit
                               for update of m skip locked)
                        select m.id, m.due_at, e.customer_id, e.order_id, st.kind, st.template, st.urgent,
                               st.over_cap, %s as on_hold,
                               case when e.claim_id is null and e.inquiry_id is null and o.status = 'CANCELLED'
                                    then '%s'
                                    when e.claim_id is null and e.inquiry_id is null and e.order_id is not null and %s
                                    then '%s'
                               end as stop_reason,
                               st.hold_while_claim_open as about_products, e.exchange,
                               coalesce(s.storefront_id, e.storefront_id, o.storefront_id) as storefront_id,
                               st.coupon_campaign_id, e.claim_rma, e.inquiry_reference
                          from taken m
                          join enrolment e on e.id = m.enrolment_id
                          join scenario s on s.id = e.scenario_id
                          join scenario_step st on st.id = m.step_id
                          left join order_view o on o.id = e.order_id
                         order by m.due_at
                        """.formatted(
                                OrderHolds.APPLIES,
                                ScenarioEnrolment.ORDER_CANCELLED,
                                ProductStops.ORDER_SENT_BACK,
                                ProductStops.ORDER_SENT_BACK_REASON))
                .param("now", Timestamp.from(now))
                .param("limit", properties.batchSize())
                .query((rs, i) -> new Due(
                        rs.getLong("id"),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getLong("customer_id"),
                        (Long) rs.getObject("order_id"),
                        MailKind.valueOf(rs.getString("kind")),
                        rs.getString("template"),
                        rs.getBoolean("urgent"),
                        "SKIP".equals(rs.getString("over_cap")),
                        rs.getBoolean("on_hold"),
                        rs.getString("stop_reason"),
                        rs.getBoolean("about_products"),
                        rs.getBoolean("exchange"),
                        (Long) rs.getObject("storefront_id"),
                        (Long) rs.getObject("coupon_campaign_id"),
                        rs.getString("claim_rma"),
                        rs.getString("inquiry_reference")))
                .list();
        // one broken mail (a template error, a vanished order, a database error) must not block the queue
        due.forEach(BatchRounds.failingAs(Due::id, mail -> handle(mail, now)));
        return due.size();
    }

    private void handle(Due mail, Instant now) {
        if (mail.stopReason() != null) {
            finish(mail.id(), "CANCELLED", mail.stopReason(), null);
            return;
        }
        CustomerId customerId = new CustomerId(mail.customerId());
        CustomerView customer = customers
                .find(customerId)
                .orElseThrow(() -> new IllegalStateException("Customer " + customerId + " vanished"));
        StorefrontId storefront = mail.storefrontId() == null ? null : new StorefrontId(mail.storefrontId());
        // a customer who takes the storefront's notices on LINE needs no (working) address
        boolean byMail = !notices.takenOnLine(customerId, storefront);
        if (byMail && !customer.hasEmail()) {
            // shown on the step mail list like a bounce: the operator sees why nothing went out
            finish(mail.id(), "CANCELLED", NO_EMAIL, null);
            return;
        }
        if (byMail && mails.isBouncing(customer.email().value())) {
            finish(mail.id(), "CANCELLED", BOUNCING, null);
            return;
        }
        if (mail.onHold()) {
            // Re-checked in the statement itself: a hold released since we looked leaves it SCHEDULED.
            jdbc.sql("""
                            update step_mail m set status = 'HELD', reason = %s, updated_at = now()
                              from enrolment e, scenario_step st
                             where m.id = :id and e.id = m.enrolment_id and st.id = m.step_id
                               and %s
                            """.formatted(OrderHolds.REASON, OrderHolds.APPLIES))
                    .param("id", mail.id())
                    .update();
            return;
        }
        SendDecision decision = mails.decide(customerId, mail.kind(), mail.urgent(), mail.skipOverCap(), now);
        if (decision.skipped()) {
            finish(mail.id(), "SKIPPED", decision.skipReason(), null);
            return;
        }
        if (!decision.sendsNow(now)) {
            jdbc.sql("update step_mail set due_at = :at, updated_at = now() where id = :id")
                    .param("at", Timestamp.from(decision.sendAt()))
                    .param("id", mail.id())
                    .update();
            return;
        }
        OrderView order = mail.orderId() == null
                ? null
                : orders.find(new OrderId(mail.orderId()))
                        .orElseThrow(() -> new IllegalStateException("Order " + mail.orderId() + " vanished"));
        if (order != null && (mail.aboutProducts() || mail.exchange())) {
            order = stops.shownTo(order, mail.exchange(), mail.claimRma());
            if (order.lines().isEmpty()) {
                finish(mail.id(), "SKIPPED", EVERY_PRODUCT_SENT_BACK, null);
                return;
            }
        }
        Map<String, Object> variables =
                order == null ? orderVariables.forCustomer(customer) : orderVariables.of(order, customer);
        StepVariables.addResolution(variables, mail.claimRma(), mail.inquiryReference());
        if (mail.couponCampaignId() != null) {
            // keyed by the step mail, so a round that rolls back and runs again issues the same code
            variables.put(
                    "coupon",
                    couponVariables.of(coupons.issue(
                            new CampaignId(mail.couponCampaignId()), customerId, "step-mail:" + mail.id())));
        }
        // a promotional step gets the opt-out link, the sender's address and one-click headers from
        // the pipeline; on LINE or by mail is the notices' choice
        Notices.Sent sent = notices.send(new MailRequest(
                "step:" + mail.id(),
                mail.kind(),
                mail.template(),
                customerId,
                order == null ? null : order.id(),
                storefront,
                customer.hasEmail() ? customer.email().value() : null,
                variables,
                Map.of(),
                now));
        if (sent.queued()) {
            finish(mail.id(), "ENQUEUED", null, sent.mailId(), sent.linePushId());
        } else {
            finish(mail.id(), "CANCELLED", sent.reason(), null);
        }
    }

    /** Why a mail about the order's products was skipped: none of them is left to write about. */
    static final String EVERY_PRODUCT_SENT_BACK = "every product it is about was sent back";

    /** Why a step mail was cancelled for a hard bounce; the same words as the outbox uses. */
    static final String BOUNCING = "address is bouncing";

    /** A customer reached only by phone or LINE (#12 §2). */
    static final String NO_EMAIL = "customer has no email";

    private int finish(long id, String status, String reason, Long outboundId) {
        return finish(id, status, reason, outboundId, null);
    }

    private int finish(long id, String status, String reason, Long outboundId, Long linePushId) {
        return jdbc.sql("""
                        update step_mail set status = :status, reason = :reason, outbound_mail_id = :outbound,
                                             line_push_id = :push, updated_at = now()
                         where id = :id
                        """)
                .param("status", status)
                .param("reason", reason)
                .param("outbound", outboundId)
                .param("push", linePushId)
                .param("id", id)
                .update();
    }
}
