-- Newsletter deliveries the frequency cap postponed are paced among themselves, per newsletter and
-- day (newsletter_postponement counts them), and are left alone when quiet hours pause the rest
-- of the send: they already have their own morning. (This replaces what V28's comment says of
-- postponed recipients; position still paces the send itself.)
alter table newsletter_delivery add column postponed boolean not null default false;
create table newsletter_postponement (
    newsletter_id bigint not null references newsletter (id),
    day           date   not null,
    taken         int    not null check (taken > 0),
    primary key (newsletter_id, day)
);

-- The console home's counts over the active inquiries, answered from this index alone.
create index inquiry_active_summary_idx
    on inquiry (status, flagged, assignee_operator_id, first_responded_at, first_response_due_at, resolution_due_at)
    where status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER');

-- The claims figures' period filters.
create index customer_order_placed_idx on customer_order (placed_at);
create index claim_requested_idx on claim (requested_at);
create index claim_status_history_to_idx on claim_status_history (status_to, at);
