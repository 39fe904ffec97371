package com.aftercare.stepmail.newsletter;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.SendDecision;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.stepmail.scenario.BatchRounds;
import com.aftercare.stepmail.templates.CouponMailVariables;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Sends newsletters whose time has come, safely beside other instances ({@code FOR UPDATE SKIP
 * LOCKED}):
 *
 * <ol>
 *   <li>a newsletter due to start takes its recipients at that moment (the segment, consent
 *       required), one delivery row each (unique per newsletter and customer) with its place in
 *       the send ({@code position}) and a due time in slices of {@code rate_per_minute}: the
 *       throttle;
 *   <li>in quiet hours a send pauses as a whole: every delivery of it still to go (postponed ones
 *       aside) moves on by the same amount, so that the first of them is due when the quiet hours
 *       end and the pace holds through the night (a send scheduled in quiet hours starts at their
 *       end);
 *   <li>each due delivery is decided by {@link Mails#decide} like promotional step mail: without
 *       consent (an opt-out since) it is skipped; over the frequency cap it is skipped or
 *       postponed by the newsletter's choice, the postponed ones of a day going out at the
 *       newsletter's rate among themselves; otherwise it is rendered and enqueued in the outbox
 *       with the opt-out headers, in the same transaction.
 * </ol>
 *
 * <p>Locks are taken deliveries first, then newsletter rows with {@code SKIP LOCKED}, so a round
 * never waits on a supervisor's cancel (which locks the newsletter row first).
 */
@Component
// exposed for demo mode, which runs its rounds itself while it replays the demo's past days
@NamedInterface("newsletters")
public class NewsletterSender {

    static final String TEMPLATE = "newsletter";

    /** Why a delivery was skipped: the customer's hold for a complaint about no order (step mail's holds). */
    static final String COMPLAINT_OPEN = "a complaint of the customer is open";

    private final JdbcClient jdbc;
    private final Customers customers;
    private final Mails mails;
    private final Coupons coupons;
    private final CouponMailVariables couponVariables;
    private final ShopProperties shop;
    private final NewsletterProperties properties;
    private final BatchRounds rounds;
    private final Clock clock;

    NewsletterSender(
            JdbcClient jdbc,
            Customers customers,
            Mails mails,
            Coupons coupons,
            CouponMailVariables couponVariables,
            ShopProperties shop,
            NewsletterProperties properties,
            BatchRounds rounds,
            Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.mails = mails;
        this.coupons = coupons;
        this.couponVariables = couponVariables;
        this.shop = shop;
        this.properties = properties;
        this.rounds = rounds;
        this.clock = clock;
    }

    private record Starting(long id, Segment segment, int ratePerMinute) {}

    private record Due(
            long id,
            long newsletterId,
            long customerId,
            int ratePerMinute,
            String subject,
            String body,
            Long campaignId,
            boolean skipOverCap,
            Long storefrontId) {}

    /**
     * One round in one transaction: starts the newsletters that are due, then takes due
     * deliveries. A delivery that cannot be prepared is skipped with the reason and the round runs
     * again without it ({@link BatchRounds}).
     *
     * @return how many deliveries this round looked at
     */
    public int runDue() {
        Instant now = clock.instant();
        // started newsletters' deliveries are committed before they are worked on
        boolean quiet = rounds.inTransaction(() -> {
            start(now);
            Optional<Instant> quietEnd = mails.quietUntil(now);
            // nothing promotional goes out in quiet hours; a round only moves the sends on to the morning
            quietEnd.ifPresent(end -> pauseUntil(end, now));
            return quietEnd.isPresent();
        });
        if (quiet) {
            return 0;
        }
        return rounds.run(
                "Newsletter delivery", () -> round(now), (id, reason) -> finish(id, "SKIPPED", reason, null) > 0);
    }

    private int round(Instant now) {
        List<Due> due = jdbc.sql("""
                        select d.id, d.newsletter_id, d.customer_id, n.rate_per_minute, n.subject, n.text_body, n.coupon_campaign_id, n.over_cap,
                               n.storefront_id
                          from newsletter_delivery d join newsletter n on n.id = d.newsletter_id
                         where d.status = 'SCHEDULED' and d.due_at <= :now
                         order by d.due_at, d.id
                         limit :limit
                           for update of d skip locked
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", properties.batchSize())
                .query((rs, i) -> new Due(
                        rs.getLong("id"),
                        rs.getLong("newsletter_id"),
                        rs.getLong("customer_id"),
                        rs.getInt("rate_per_minute"),
                        rs.getString("subject"),
                        rs.getString("text_body"),
                        (Long) rs.getObject("coupon_campaign_id"),
                        "SKIP".equals(rs.getString("over_cap")),
                        (Long) rs.getObject("storefront_id")))
                .list();
        // one broken delivery (an expired coupon campaign, a vanished customer, a database error)
        // must not block the rest
        due.forEach(BatchRounds.failingAs(Due::id, delivery -> deliver(delivery, now)));
        // SKIP LOCKED: a newsletter being cancelled right now is the cancel's to finish
        jdbc.sql("""
                        update newsletter set status = 'SENT'
                         where id in (select n.id from newsletter n
                                       where n.status = 'SENDING'
                                         and not exists (select 1 from newsletter_delivery d
                                                          where d.newsletter_id = n.id and d.status = 'SCHEDULED')
                                         for update skip locked)
                        """).update();
        return due.size();
    }

    /**
     * Over the cap, postponed to the morning {@code from}: the newsletter's postponed recipients of
     * that day go out at its rate among themselves (the k-th at {@code from + k / rate} minutes),
     * counted in {@code newsletter_postponement} (a row of its own, so no newsletter row is locked
     * here), and the quiet-hours pause leaves them alone.
     */
    private void postpone(Due delivery, Instant from) {
        int taken = jdbc.sql("""
                        insert into newsletter_postponement (newsletter_id, day, taken) values (:newsletter, :day, 1)
                        on conflict (newsletter_id, day) do update set taken = newsletter_postponement.taken + 1
                        returning taken
                        """)
                .param("newsletter", delivery.newsletterId())
                .param("day", LocalDate.ofInstant(from, shop.zone()))
                .query(Integer.class)
                .single();
        Instant at = from.plus(Duration.ofMinutes((taken - 1) / delivery.ratePerMinute()));
        jdbc.sql("update newsletter_delivery set due_at = :at, postponed = true, updated_at = now() where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", delivery.id())
                .update();
    }

    /**
     * Quiet hours until {@code end}: each sending newsletter with a delivery of its running send
     * due by now moves all of them still to go on by the same amount, its first one landing on
     * {@code end}. Postponed deliveries keep their own morning.
     */
    private void pauseUntil(Instant end, Instant now) {
        List<Long> sending = jdbc.sql("select id from newsletter where status = 'SENDING' for update skip locked")
                .query(Long.class)
                .list();
        for (long newsletter : sending) {
            jdbc.sql("""
                            with first_due as (
                                select min(due_at) as at from newsletter_delivery
                                 where newsletter_id = :newsletter and status = 'SCHEDULED' and not postponed
                            )
                            update newsletter_delivery d
                               set due_at = d.due_at + (cast(:end as timestamptz) - f.at), updated_at = now()
                              from first_due f
                             where d.newsletter_id = :newsletter and d.status = 'SCHEDULED' and not d.postponed
                               and f.at <= :now
                            """)
                    .param("newsletter", newsletter)
                    .param("end", Timestamp.from(end))
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    private void start(Instant now) {
        List<Starting> starting = jdbc.sql("""
                        select id, storefront_id, category, purchased_within_days, rate_per_minute from newsletter
                         where status = 'SCHEDULED' and send_at <= :now
                         order by send_at
                           for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, i) -> {
                    long storefrontId = rs.getLong("storefront_id");
                    StorefrontId storefront = rs.wasNull() ? null : new StorefrontId(storefrontId);
                    return new Starting(
                            rs.getLong("id"),
                            new Segment(storefront, rs.getString("category"), (Integer)
                                    rs.getObject("purchased_within_days")),
                            rs.getInt("rate_per_minute"));
                })
                .list();
        for (Starting newsletter : starting) {
            Segment.Query members = newsletter.segment().members(now);
            // the n-th recipient (from 0) is due n / rate whole minutes after the start
            int recipients = jdbc.sql("""
                            insert into newsletter_delivery (newsletter_id, customer_id, position, due_at)
                            select :newsletter, m.id, m.position,
                                   cast(:start as timestamptz) + (m.position / :rate) * interval '1 minute'
                              from (select c.id, cast(row_number() over (order by c.id) - 1 as int) as position
                                      from (%s) c) m
                            on conflict (newsletter_id, customer_id) do nothing
                            """.formatted(members.sql()))
                    .params(members.params())
                    .param("newsletter", newsletter.id())
                    .param("start", Timestamp.from(now))
                    .param("rate", newsletter.ratePerMinute())
                    .update();
            jdbc.sql("update newsletter set status = 'SENDING', recipients = :recipients where id = :id")
                    .param("recipients", recipients)
                    .param("id", newsletter.id())
                    .update();
        }
    }

    private boolean underComplaint(CustomerId customer) {
        return jdbc.sql("""
                        select exists (select 1 from step_mail_hold
                                        where customer_id = :customer and released_at is null)
                        """)
                .param("customer", customer.value())
                .query(Boolean.class)
                .single();
    }

    private void deliver(Due delivery, Instant now) {
        CustomerId customerId = new CustomerId(delivery.customerId());
        if (underComplaint(customerId)) {
            // a newsletter is of its day: skipped, not held until the complaint is resolved
            finish(delivery.id(), "SKIPPED", COMPLAINT_OPEN, null);
            return;
        }
        SendDecision decision = mails.decide(customerId, MailKind.PROMOTIONAL, false, delivery.skipOverCap(), now);
        if (decision.skipped()) {
            finish(delivery.id(), "SKIPPED", decision.skipReason(), null);
            return;
        }
        if (!decision.sendsNow(now)) {
            postpone(delivery, decision.sendAt());
            return;
        }
        CustomerView customer = customers
                .find(customerId)
                .orElseThrow(() -> new IllegalStateException("Customer " + customerId + " vanished"));
        if (!customer.hasEmail()) {
            // the segment only holds customers with an email; one merged or changed since is skipped, visibly
            finish(delivery.id(), "SKIPPED", "customer has no email", null);
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("shopName", shop.name());
        variables.put("customerName", customer.name());
        if (delivery.campaignId() != null) {
            variables.put(
                    "coupon",
                    couponVariables.of(coupons.issue(
                            new CampaignId(delivery.campaignId()),
                            customerId,
                            "newsletter:" + delivery.newsletterId())));
        }
        // the pipeline adds the opt-out link, the sender's address and the one-click headers
        long outboundId = mails.send(
                new MailRequest(
                        "newsletter:" + delivery.newsletterId() + ":" + customerId.value(),
                        MailKind.PROMOTIONAL,
                        TEMPLATE,
                        customerId,
                        null,
                        // a storefront's newsletter goes out as that storefront: its sender, name and relay
                        delivery.storefrontId() == null ? null : new StorefrontId(delivery.storefrontId()),
                        customer.email().value(),
                        variables,
                        Map.of(),
                        now),
                new MailTemplate(delivery.subject(), delivery.body(), null));
        finish(delivery.id(), "ENQUEUED", null, outboundId);
    }

    private int finish(long id, String status, String reason, Long outboundId) {
        return jdbc.sql("""
                        update newsletter_delivery set status = :status, reason = :reason, outbound_mail_id = :outbound,
                                                       updated_at = now()
                         where id = :id
                        """)
                .param("status", status)
                .param("reason", reason)
                .param("outbound", outboundId)
                .param("id", id)
                .update();
    }
}
