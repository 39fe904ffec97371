package com.aftercare.returns.logistics;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.MailSample;
import com.aftercare.domain.mail.MailTemplateDeclaration;
import com.aftercare.domain.mail.MailTemplateUse;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.TemplateVariables;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A claim whose goods do not come: once the storefront's {@code reminderAfterDays} have passed
 * since the item was asked for with no tracking number (and no pick-up still ahead), the customer
 * gets one reminder (template {@code claim-return-reminder}, transactional, through the one
 * outbox, dedup key {@code claim-return-reminder:<rma>}); as many days later with still nothing,
 * the claim is flagged for an operator. Each round takes its rows with {@code FOR UPDATE SKIP
 * LOCKED} and stamps them in the same transaction as the mail, so two instances running at once
 * never remind twice, and a round run again finds nothing left to do.
 */
@Component
public class ReturnReminders implements MailTemplateUse {

    static final String TEMPLATE = "claim-return-reminder";
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final Customers customers;
    private final Orders orders;
    private final Mails mails;
    private final ShopProperties shop;
    private final Clock clock;

    ReturnReminders(
            JdbcClient jdbc, Customers customers, Orders orders, Mails mails, ShopProperties shop, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.orders = orders;
        this.mails = mails;
        this.shop = shop;
        this.clock = clock;
    }

    /** What one round did. */
    public record Round(int reminded, int flagged) {}

    @Scheduled(
            fixedDelayString = "${aftercare.returns.reminders.interval:1h}",
            initialDelayString = "${aftercare.returns.reminders.interval:1h}")
    void scheduled() {
        round();
    }

    /** One round over the claims due (at most a batch of each). */
    @Transactional
    public Round round() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, shop.zone());
        List<Due> due = jdbc.sql("""
                        select s.claim_id, c.rma, c.customer_id, c.order_id, c.storefront_id, s.reminded_at
                          from return_shipment s
                          join claim c on c.id = s.claim_id
                          left join return_logistics_settings ls on ls.storefront_id = s.storefront_id
                         where c.status = 'AWAITING_ITEM' and s.tracking_number is null and s.flagged_at is null
                           and (s.pickup_date is null or s.pickup_date < :today)
                           and (select max(h.at) from claim_status_history h
                                 where h.claim_id = c.id and h.status_to = 'AWAITING_ITEM')
                               <= cast(:now as timestamptz) - make_interval(days => coalesce(ls.reminder_after_days, 7))
                           and (s.reminded_at is null
                                or s.reminded_at <= cast(:now as timestamptz) - make_interval(days => coalesce(ls.reminder_after_days, 7)))
                         order by s.claim_id
                         limit :batch
                           for update of s skip locked
                        """)
                .param("today", today)
                .param("now", Timestamp.from(now))
                .param("batch", BATCH)
                .query((rs, i) -> new Due(
                        rs.getLong(1),
                        rs.getString(2),
                        new CustomerId(rs.getLong(3)),
                        new OrderId(rs.getLong(4)),
                        new StorefrontId(rs.getLong(5)),
                        rs.getTimestamp(6) != null))
                .list();
        int reminded = 0;
        int flagged = 0;
        for (Due d : due) {
            if (d.reminded()) {
                stamp("flagged_at", d, now);
                flagged++;
            } else {
                remind(d, now);
                stamp("reminded_at", d, now);
                reminded++;
            }
        }
        return new Round(reminded, flagged);
    }

    private void remind(Due d, Instant now) {
        CustomerView customer = customers.find(d.customer()).orElseThrow();
        if (!customer.hasEmail()) {
            // stamped as reminded all the same: the operator follows up by phone (#12 §2)
            return;
        }
        OrderView order = orders.find(d.order()).orElseThrow();
        mails.send(MailRequest.transactional(
                "claim-return-reminder:" + d.rma(),
                TEMPLATE,
                customer.id(),
                order.id(),
                d.storefront(),
                customer.email().value(),
                variables(customer.name(), order.number(), d.rma()),
                now));
    }

    private void stamp(String column, Due d, Instant now) {
        jdbc.sql("update return_shipment set " + column + " = :at where claim_id = :id")
                .param("at", Timestamp.from(now))
                .param("id", d.claimId())
                .update();
    }

    private Map<String, Object> variables(String customerName, String orderNumber, String rma) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("shopName", shop.name());
        variables.put("customerName", customerName);
        variables.put("orderNumber", orderNumber);
        variables.put("rma", rma);
        variables.put("portalUrl", shop.publicUrl() + "/portal");
        return variables;
    }

    @Override
    public List<MailTemplateDeclaration> declarations() {
        return List.of(new MailTemplateDeclaration(
                TEMPLATE,
                "mail.group.claims",
                MailKind.TRANSACTIONAL,
                new TemplateVariables(preview(MailSample.of(false, "ja"))),
                this::preview));
    }

    private Map<String, Object> preview(MailSample sample) {
        return variables(sample.customer().name(), sample.order().number(), "RMA-2026-000123");
    }

    private record Due(
            long claimId, String rma, CustomerId customer, OrderId order, StorefrontId storefront, boolean reminded) {}
}
