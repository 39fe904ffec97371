-- Newsletters (メルマガ): the shop's own news to a segment at one time, sent through the one
-- outbox under the same consent, quiet hours, frequency cap and opt-out as promotional step
-- mail; and packing inserts (同梱の手紙): the thank-you card printed for each shipped order.

create table newsletter (
    id                    bigint generated always as identity primary key,
    subject               text        not null check (length(subject) between 1 and 200),
    text_body             text        not null check (length(text_body) between 1 and 100000),
    language              text        not null check (language in ('ja', 'en')),
    -- the segment: customers who consented (always) and, when given, bought at this storefront,
    -- bought in this category, or bought within this many days before the send
    storefront_id         bigint      references storefront (id),
    category              text        check (length(category) between 1 and 100),
    purchased_within_days int         check (purchased_within_days between 1 and 3650),
    -- each recipient gets their own code of this campaign (source newsletter:<id>)
    coupon_campaign_id    bigint      references coupon_campaign (id),
    send_at               timestamptz not null,
    -- throttle: recipients are given due times in slices of this many per minute
    rate_per_minute       int         not null check (rate_per_minute > 0),
    status                text        not null default 'SCHEDULED'
                          check (status in ('SCHEDULED', 'SENDING', 'SENT', 'CANCELLED')),
    recipients            int,
    created_by            text        not null,
    created_at            timestamptz not null default now()
);
create index newsletter_due_idx on newsletter (send_at) where status = 'SCHEDULED';

-- One per (newsletter, customer), enforced here: nobody gets a newsletter twice.
create table newsletter_delivery (
    id               bigint generated always as identity primary key,
    newsletter_id    bigint      not null references newsletter (id),
    customer_id      bigint      not null references customer (id),
    due_at           timestamptz not null,
    status           text        not null default 'SCHEDULED' check (status in ('SCHEDULED', 'ENQUEUED', 'SKIPPED')),
    reason           text,
    outbound_mail_id bigint      references outbound_mail (id),
    updated_at       timestamptz not null default now(),
    unique (newsletter_id, customer_id)
);
create index newsletter_delivery_due_idx on newsletter_delivery (due_at) where status = 'SCHEDULED';

-- The shop's own packing-insert card, once saved in the console: a heading and a text, Thymeleaf
-- TEXT templates checked when saved. Until then the card shipped with the application is used
-- (packing/card-<lang>.txt). The card of a discreet order never names a product (no lines).
create table packing_insert_template (
    id         int         primary key default 1 check (id = 1),
    heading    text        not null check (length(heading) between 1 and 200),
    body       text        not null check (length(body) between 1 and 5000),
    updated_at timestamptz not null default now(),
    updated_by text
);

