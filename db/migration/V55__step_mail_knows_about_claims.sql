-- Step mail learns what a claim's outcome means for its follow-up (issue #13 §4), from the
-- returns module's events only (ClaimResolved with its lines, a storefront's OrderRefunded).

-- A product of an order the customer sent back: refunded, returned or exchanged. One row per
-- source (a claim's RMA, a storefront's refund) and product, so a redelivered event adds nothing.
-- A product whose stopped quantity reaches what was bought gets no more mail about it; an order
-- whose every product is stopped ends its order scenarios. replacement_sku is the variant an
-- exchange sent instead, whose usage tips start again.
create table step_mail_stop (
    id              bigint generated always as identity primary key,
    order_id        bigint      not null references customer_order (id),
    customer_id     bigint      not null references customer (id),
    sku             text        not null,
    quantity        int         not null check (quantity > 0),
    source          text        not null,
    outcome         text        not null,
    replacement_sku text,
    stopped_at      timestamptz not null,
    unique (source, sku)
);
create index step_mail_stop_order_idx on step_mail_stop (order_id, sku);

-- The usage tips an exchange starts again for its new variant: an enrolment of the order's own
-- scenario, keyed by the claim like a resolution trigger's (so it enrols once), marked as such.
alter table enrolment add column exchange boolean not null default false;
alter table enrolment add check (not exchange or claim_id is not null);

-- A complaint inquiry about no order holds the customer's promotional mail, not an order's
-- follow-up: a hold now belongs to an order or to a customer.
alter table step_mail_hold alter column order_id drop not null;
alter table step_mail_hold add column customer_id bigint references customer (id);
alter table step_mail_hold add check ((order_id is null) <> (customer_id is null));
create index step_mail_hold_customer_active_idx on step_mail_hold (customer_id)
    where released_at is null and customer_id is not null;
