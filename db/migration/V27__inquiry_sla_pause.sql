-- Waiting on the customer pauses the resolution clock: waiting_since is set when an operator
-- waits on the customer; when the customer answers, the business time of the wait is added to
-- paused_seconds and to resolution_due_at, and waiting_since is cleared. A later priority change
-- works the due times out again from arrival and adds paused_seconds back, so no pause is lost.
alter table inquiry
    add column waiting_since  timestamptz,
    add column paused_seconds bigint not null default 0 check (paused_seconds >= 0);
-- Inquiries already waiting when this ships start their pause now rather than not at all.
update inquiry set waiting_since = now() where status = 'WAITING_ON_CUSTOMER';
