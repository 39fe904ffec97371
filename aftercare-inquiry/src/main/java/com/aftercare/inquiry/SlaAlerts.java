package com.aftercare.inquiry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SLA breach alerts (SLA超過の通知): when an active inquiry passes its first-response due time
 * unanswered, or its resolution due time (not while it waits on the customer), the assignee and the
 * supervisors get one mail. One per breach: the breach is recorded ({@code inquiry_sla_breach},
 * keyed by inquiry, clock and due time) in the transaction that queues its mails, so another
 * instance, or the next run, finds it taken. A due time that moves (a new priority, a wait) and
 * passes again is a new breach. Breaches older than the look-back when first seen (the app was
 * down, or alerts were just switched on) are not mailed: a flood of old news helps nobody.
 */
@Service
public class SlaAlerts {

    private static final Logger log = LoggerFactory.getLogger(SlaAlerts.class);
    private static final int PAGE = 200;

    private final InquiryRepository inquiries;
    private final DeskMails mails;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lookBack;
    private final TransactionTemplate transaction;

    SlaAlerts(
            InquiryRepository inquiries,
            DeskMails mails,
            JdbcClient jdbc,
            Clock clock,
            @Value("${aftercare.inquiry.sla-alerts.look-back:24h}") Duration lookBack,
            PlatformTransactionManager transactions) {
        this.inquiries = inquiries;
        this.mails = mails;
        this.jdbc = jdbc;
        this.clock = clock;
        this.lookBack = lookBack;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Breach(long inquiry, boolean firstResponse, Instant dueAt) {}

    /**
     * Alerts every breach not alerted yet (the schedule calls this; tests after moving their clock).
     *
     * @return how many breaches were alerted now
     */
    public int runDue() {
        Instant now = clock.instant();
        int alerted = 0;
        List<Breach> page;
        do {
            page = breaches(now);
            for (Breach breach : page) {
                if (alert(breach, now)) {
                    alerted++;
                }
            }
        } while (page.size() == PAGE && alerted > 0);
        return alerted;
    }

    private List<Breach> breaches(Instant now) {
        return jdbc.sql("""
                        select id, true as first, first_response_due_at as due from inquiry i
                         where status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER') and first_responded_at is null
                           and first_response_due_at <= :now and first_response_due_at > :since
                           and not exists (select 1 from inquiry_sla_breach b where b.inquiry_id = i.id
                                              and b.clock = 'FIRST_RESPONSE' and b.due_at = i.first_response_due_at)
                        union all
                        select id, false, resolution_due_at from inquiry i
                         where status in ('NEW', 'OPEN') and waiting_since is null
                           and resolution_due_at <= :now and resolution_due_at > :since
                           and not exists (select 1 from inquiry_sla_breach b where b.inquiry_id = i.id
                                              and b.clock = 'RESOLUTION' and b.due_at = i.resolution_due_at)
                         order by due limit :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(lookBack)))
                .param("limit", PAGE)
                .query((rs, i) -> new Breach(
                        rs.getLong(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** One breach in a transaction of its own: asked again of the locked inquiry, recorded, mailed. */
    private boolean alert(Breach breach, Instant now) {
        try {
            return Boolean.TRUE.equals(transaction.execute(tx -> {
                Inquiry inquiry = inquiries.lockById(breach.inquiry()).orElse(null);
                if (inquiry == null || !stillBreached(inquiry, breach, now)) {
                    return false;
                }
                String clockName = breach.firstResponse() ? "FIRST_RESPONSE" : "RESOLUTION";
                boolean first = jdbc.sql("""
                                        insert into inquiry_sla_breach (inquiry_id, clock, due_at, noticed_at, mailed)
                                        values (:i, :c, :due, :now, 0) on conflict do nothing
                                        """)
                                .param("i", breach.inquiry())
                                .param("c", clockName)
                                .param("due", Timestamp.from(breach.dueAt()))
                                .param("now", Timestamp.from(now))
                                .update()
                        == 1;
                if (!first) {
                    return false;
                }
                int mailed = mails.breached(inquiry, breach.firstResponse(), breach.dueAt(), now);
                jdbc.sql(
                                "update inquiry_sla_breach set mailed = :m where inquiry_id = :i and clock = :c and due_at = :due")
                        .param("m", mailed)
                        .param("i", breach.inquiry())
                        .param("c", clockName)
                        .param("due", Timestamp.from(breach.dueAt()))
                        .update();
                return true;
            }));
        } catch (RuntimeException e) {
            log.warn("SLA alert for inquiry {} failed: {}", breach.inquiry(), e.toString());
            return false;
        }
    }

    private static boolean stillBreached(Inquiry inquiry, Breach breach, Instant now) {
        SlaClock sla = inquiry.sla();
        Instant due = breach.firstResponse() ? sla.firstResponseDueAt() : sla.resolutionDueAt();
        return due.equals(breach.dueAt()) && !due.isAfter(now);
    }
}
