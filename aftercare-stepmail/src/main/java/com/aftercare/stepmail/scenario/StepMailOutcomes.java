package com.aftercare.stepmail.scenario;

/**
 * How each step mail fared, worked out in one place for both the scenario figures ({@link
 * Scenarios.Figures}) and the deliveries export ({@link StepMailDeliveries}), so that a download
 * filtered on a state lists exactly the mails the figures count in it.
 *
 * <p>A step mail became an outbox mail ({@code o}) or a LINE text ({@code l}, with {@code f}, the
 * mail that went instead when LINE did not take it); the domain's read models say how each fared.
 * A step the scheduler skipped because building it failed ({@code failed: …}) is a failure, not a
 * skip: the customer was meant to get it and did not.
 */
final class StepMailOutcomes {

    /**
     * One row a step mail: {@code id, step_id, enrolment_id, due_at, channel} ({@code MAIL} or
     * {@code LINE} once it left the scheduler, null before), {@code state} (one of {@link
     * StepMailDeliveries#STATES}), {@code sent_at} and {@code opted_out} (it did not go because the
     * customer opted out, whatever its state). Used as a subquery: {@code from (ROWS) d}.
     */
    static final String ROWS = """
            select m.id, m.step_id, m.enrolment_id, m.due_at,
                   case when l.push_id is not null and l.fallback_mail_id is null then 'LINE'
                        when o.id is not null or l.fallback_mail_id is not null then 'MAIL' end as channel,
                   case when m.status = 'SKIPPED' and m.reason like 'failed:%' then 'FAILED'
                        when m.status in ('SCHEDULED', 'HELD', 'CANCELLED', 'SKIPPED') then m.status
                        when o.status = 'SENT' or f.status = 'SENT' or l.push_status = 'SENT' then 'SENT'
                        when o.status = 'FAILED' or f.status = 'FAILED' or l.outcome = 'UNDELIVERABLE' then 'FAILED'
                        when o.status = 'CANCELLED' or f.status = 'CANCELLED' or l.outcome = 'WITHDRAWN'
                             then 'CANCELLED'
                        else 'QUEUED' end as state,
                   coalesce(o.sent_at, f.sent_at, l.sent_at) as sent_at,
                   coalesce(m.reason = 'customer opted out' or o.last_error = 'customer opted out'
                            or (l.outcome = 'WITHDRAWN' and l.last_error = 'customer opted out'), false) as opted_out
              from step_mail m
              left join mail_delivery_view o on o.id = m.outbound_mail_id
              left join line_notice_view l on l.push_id = m.line_push_id
              left join mail_delivery_view f on f.id = l.fallback_mail_id
            """;

    private StepMailOutcomes() {}
}
