-- Scenarios may also start when a claim or an inquiry is resolved ("how did we do?", a make-good
-- coupon). Such an enrolment belongs to the claim or inquiry, not only to its order: one customer
-- may have two claims about one order, and each enrols once.

alter table scenario drop constraint scenario_trigger_event_check;
alter table scenario add constraint scenario_trigger_event_check
    check (trigger_event in ('order.placed', 'order.shipped', 'order.delivered', 'customer.registered',
                             'claim.resolved', 'inquiry.resolved'));

alter table enrolment
    add column claim_id   bigint references claim (id),
    add column inquiry_id bigint references inquiry (id),
    add check (claim_id is null or inquiry_id is null);

-- One enrolment per (scenario, customer, order) stays true for order and customer triggers (their
-- claim_id and inquiry_id are null); a resolution trigger adds its claim or inquiry to the key, so a
-- redelivered event (or an inquiry resolved again after a reopening) enrols nobody twice.
alter table enrolment drop constraint enrolment_scenario_id_customer_id_order_id_key;
alter table enrolment add constraint enrolment_once
    unique nulls not distinct (scenario_id, customer_id, order_id, claim_id, inquiry_id);
