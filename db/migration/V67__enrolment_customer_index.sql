-- Step mail's enrolments by customer: the figures' customer_purchase (V66) asks, for every customer,
-- whether a step mail of theirs was sent in their first 180 days. Without it each question read the
-- whole enrolment table, and the refresh at 300k customers did not end in six minutes
-- (docs/benchmarks.md, "Figures page at 1M orders").
create index enrolment_customer_idx on enrolment (customer_id);
