package com.aftercare.stepmail.scenario;

import com.aftercare.domain.claim.ClaimEvents.ClaimOpened;
import com.aftercare.domain.claim.ClaimEvents.ClaimResolved;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.inquiry.InquiryEvents.CustomerReplied;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryOpened;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryResolved;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Holds an order's "how is the product / review / coupon" mails while the customer has an open
 * inquiry about that order, so nobody is asked for a review in the middle of a complaint. The
 * scheduler puts a due step of such kind on HELD while the order has an active hold; when the
 * last hold is released the held mails resume (due now, quiet hours still apply) or are dropped,
 * by their step's rule. Returns and other claims hold the same way under their own source
 * ({@code claim:<rma>}), from the claim's opening until its outcome is decided.
 */
@Component
class OrderHolds {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderHolds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InquiryOpened event) {
        if (event.order() == null) {
            return;
        }
        hold(event.order().value(), inquirySource(event.inquiry().value()));
    }

    /** A recycling pick-up is no complaint about the order: its mails go on. */
    @ApplicationModuleListener
    void on(ClaimOpened event) {
        if (event.type() != RequestType.RECYCLE_PICKUP) {
            hold(event.order().value(), claimSource(event.rma()));
        }
    }

    @ApplicationModuleListener
    void on(ClaimResolved event) {
        release(claimSource(event.rma()));
    }

    private void hold(long order, String source) {
        jdbc.sql("""
                        insert into step_mail_hold (order_id, source) values (:order, :source)
                        on conflict (source) do nothing
                        """).param("order", order).param("source", source).update();
    }

    @ApplicationModuleListener
    void on(CustomerReplied event) {
        if (event.reopened()) {
            jdbc.sql("update step_mail_hold set released_at = null where source = :source")
                    .param("source", inquirySource(event.inquiry().value()))
                    .update();
        }
    }

    @ApplicationModuleListener
    void on(InquiryResolved event) {
        release(inquirySource(event.inquiry().value()));
    }

    private void release(String source) {
        Long order = jdbc.sql("""
                        update step_mail_hold set released_at = now()
                         where source = :source and released_at is null
                        returning order_id
                        """)
                .param("source", source)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (order == null) {
            return;
        }
        // Only once no other hold on the order remains.
        jdbc.sql("""
                        update step_mail m
                           set status = case when st.after_hold = 'DROP' then 'SKIPPED' else 'SCHEDULED' end,
                               reason = case when st.after_hold = 'DROP' then 'dropped after a hold' else null end,
                               due_at = greatest(m.due_at, :now),
                               updated_at = now()
                          from enrolment e, scenario_step st
                         where e.id = m.enrolment_id and st.id = m.step_id
                           and e.order_id = :order and m.status = 'HELD'
                           and not exists (select 1 from step_mail_hold h where h.order_id = :order and h.released_at is null)
                        """)
                .param("order", order)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static String inquirySource(long inquiry) {
        return "inquiry:" + inquiry;
    }

    private static String claimSource(String rma) {
        return "claim:" + rma;
    }
}
