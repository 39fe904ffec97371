-- A read model of the notices that went to LINE instead of by mail (domain, com.aftercare.domain.line):
-- one row per LINE text a notice became, with how it fared and the mail that went instead when LINE
-- did not take it (mail_delivery_view says how that mail fared). Step mail's scenario figures count a
-- step sent on LINE from it, beside the steps sent by mail; like the other read models it carries no
-- words of the notice, only ids, kinds, states and times.
--   push_status: line_push.status (PENDING, CLAIMED, IN_FLIGHT, SENT, FAILED, UNKNOWN)
--   outcome: null while the LINE text decides; MAILED, WITHDRAWN (see line_notice)
create view line_notice_view as
select n.push_id, n.customer_id, n.storefront_id, n.kind, n.template, n.outcome, n.fallback_mail_id,
       p.status as push_status, p.last_error, p.sent_at, n.created_at
  from line_notice n
  join line_push p on p.id = n.push_id;
