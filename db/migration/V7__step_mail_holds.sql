-- Why an order's "how is the product?" mails are on hold: an open inquiry about the order now,
-- an open return or claim later. Each source holds once; the mails resume (or are dropped, by
-- their step's rule) when the order's last hold is released.
create table step_mail_hold (
    id          bigint generated always as identity primary key,
    order_id    bigint      not null references customer_order (id),
    source      text        not null unique,
    placed_at   timestamptz not null default now(),
    released_at timestamptz
);
create index step_mail_hold_active_idx on step_mail_hold (order_id) where released_at is null;
