package com.aftercare.stepmail.scenario;

import com.aftercare.domain.claim.ClaimEvents.ClaimOpened;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.inquiry.InquiryEvents.CustomerReplied;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryOpened;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryResolved;
import com.aftercare.domain.order.OrderId;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Holds an order's "how is the product / review / coupon" mails while the customer has an open
 * inquiry or claim about that order, so nobody is asked for a review in the middle of a complaint;
 * and a customer's promotional mail while a complaint of theirs about no order is open. The
 * scheduler puts a due step on HELD while a hold applies to it ({@link #APPLIES}); when the last
 * one is released the held mails resume (due now, quiet hours still apply) or are dropped, by
 * their step's rule. A claim's hold is released by {@link ProductStops}, after it has recorded
 * what the claim's outcome stopped, so what resumes already meets those stops.
 */
@Component
class OrderHolds {

    /**
     * Whether a hold applies to a step mail, as SQL over its enrolment {@code e} and step {@code
     * st}: an order's hold to the steps held while a claim is open, a customer's hold to promotional
     * steps. The scheduler and the release ask the same question.
     */
    static final String APPLIES = """
            ((st.hold_while_claim_open
              and exists (select 1 from step_mail_hold h where h.order_id = e.order_id and h.released_at is null))
             or (st.kind = 'PROMOTIONAL'
              and exists (select 1 from step_mail_hold h where h.customer_id = e.customer_id and h.released_at is null)))""";

    /** Why a mail is held, as {@code step_mail.reason}; only such mails are resumed by a release. */
    static final String ORDER_REASON = "an inquiry or claim about the order is open";

    static final String CUSTOMER_REASON = "a complaint of the customer is open";

    /** The reason of a mail about to be held, as SQL over {@code e} and {@code st}. */
    static final String REASON = """
            case when st.hold_while_claim_open
                      and exists (select 1 from step_mail_hold h where h.order_id = e.order_id and h.released_at is null)
                 then '%s' else '%s' end""".formatted(ORDER_REASON, CUSTOMER_REASON);

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderHolds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An inquiry about an order holds that order's follow-up; a complaint about no order (the
     * customer is unhappy, we do not know with what) holds every promotional mail of theirs.
     */
    @ApplicationModuleListener
    void on(InquiryOpened event) {
        if (event.order() != null) {
            hold(
                    "order_id",
                    event.order().value(),
                    inquirySource(event.inquiry().value()));
        } else if (event.complaint()) {
            hold(
                    "customer_id",
                    event.customer().value(),
                    inquirySource(event.inquiry().value()));
        }
    }

    /** A recycling pick-up is no complaint about the order: its mails go on. */
    @ApplicationModuleListener
    void on(ClaimOpened event) {
        if (event.type() != RequestType.RECYCLE_PICKUP) {
            hold("order_id", event.order().value(), claimSource(event.rma()));
        }
    }

    private void hold(String column, long id, String source) {
        jdbc.sql("insert into step_mail_hold (" + column + ", source) values (:id, :source)"
                        + " on conflict (source) do nothing")
                .param("id", id)
                .param("source", source)
                .update();
    }

    @ApplicationModuleListener
    void on(CustomerReplied event) {
        if (event.reopened()) {
            jdbc.sql("update step_mail_hold set released_at = null where source = :source")
                    .param("source", inquirySource(event.inquiry().value()))
                    .update();
        }
    }

    /**
     * An inquiry about an order always holds it, so its resolution releases that hold even when
     * the opening has not been heard yet (listeners run in any order): the hold is recorded as
     * released, and the late opening places none. A complaint about no order is known as one only
     * from its opening, so its resolution releases what is there.
     */
    @ApplicationModuleListener
    void on(InquiryResolved event) {
        String source = inquirySource(event.inquiry().value());
        resume(event.order() == null ? releaseHeld(source) : releaseOrRecord(source, event.order()));
    }

    /** Releases a claim's hold on its order, recorded as released if the opening was not heard yet. */
    void releaseClaim(String rma, OrderId order) {
        resume(releaseOrRecord(claimSource(rma), order));
    }

    private Released releaseHeld(String source) {
        return jdbc.sql("""
                        update step_mail_hold set released_at = now()
                         where source = :source and released_at is null
                        returning order_id, customer_id
                        """)
                .param("source", source)
                .query(Released.ROW)
                .optional()
                .orElse(null);
    }

    private Released releaseOrRecord(String source, OrderId order) {
        return jdbc.sql("""
                        insert into step_mail_hold (order_id, source, released_at) values (:order, :source, now())
                        on conflict (source) do update set released_at = now()
                         where step_mail_hold.released_at is null
                        returning order_id, customer_id
                        """)
                .param("order", order.value())
                .param("source", source)
                .query(Released.ROW)
                .optional()
                .orElse(null);
    }

    private record Released(Long order, Long customer) {
        static final RowMapper<Released> ROW =
                (rs, i) -> new Released((Long) rs.getObject("order_id"), (Long) rs.getObject("customer_id"));
    }

    /** The mails a released hold kept resume, or are dropped by their step's rule, once no other hold applies. */
    private void resume(Released released) {
        if (released == null) {
            return;
        }
        jdbc.sql("""
                        update step_mail m
                           set status = case when st.after_hold = 'DROP' then 'SKIPPED' else 'SCHEDULED' end,
                               reason = case when st.after_hold = 'DROP' then 'dropped after a hold' else null end,
                               due_at = greatest(m.due_at, :now),
                               updated_at = now()
                          from enrolment e, scenario_step st
                         where e.id = m.enrolment_id and st.id = m.step_id
                           and (e.order_id = cast(:order as bigint) or e.customer_id = cast(:customer as bigint))
                           and m.status = 'HELD' and m.reason in (:reasons)
                           and not""" + APPLIES)
                .param("order", released.order())
                .param("customer", released.customer())
                .param("reasons", java.util.List.of(ORDER_REASON, CUSTOMER_REASON))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    static String inquirySource(long inquiry) {
        return "inquiry:" + inquiry;
    }

    static String claimSource(String rma) {
        return "claim:" + rma;
    }
}
