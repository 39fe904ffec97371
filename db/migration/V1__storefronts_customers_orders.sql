-- Storefronts, their API keys, customers and orders: the core every feature module builds on.
-- Times are timestamptz; money is integer minor units plus an ISO 4217 currency (JPY has no minor unit).

create table storefront (
    id          bigint generated always as identity primary key,
    code        text        not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text        not null,
    created_at  timestamptz not null default now()
);

-- Only a SHA-256 of each key is stored. Keys are 256-bit random secrets, so a fast hash is safe
-- (no dictionary to brute-force) and keeps per-request authentication cheap.
create table api_key (
    id            bigint generated always as identity primary key,
    storefront_id bigint      not null references storefront (id),
    key_prefix    text        not null,
    key_hash      bytea       not null unique,
    label         text        not null default '',
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);
create index api_key_storefront_idx on api_key (storefront_id);

create table customer (
    id               bigint generated always as identity primary key,
    email            text        not null,
    email_normalized text        not null unique,
    name             text        not null,
    name_kana        text,
    phone            text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          bigint      not null default 0
);

-- The same person is one customer across storefronts (matched by normalised email); each
-- storefront may know them under its own id.
create table customer_external_id (
    customer_id   bigint not null references customer (id),
    storefront_id bigint not null references storefront (id),
    external_id   text   not null,
    primary key (storefront_id, external_id)
);
create index customer_external_id_customer_idx on customer_external_id (customer_id);

create table customer_order (
    id                  bigint generated always as identity primary key,
    storefront_id       bigint      not null references storefront (id),
    order_number        text        not null,
    customer_id         bigint      not null references customer (id),
    status              text        not null check (status in ('PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    currency            text        not null check (currency ~ '^[A-Z]{3}$'),
    subtotal_minor      bigint      not null check (subtotal_minor >= 0),
    shipping_fee_minor  bigint      not null default 0 check (shipping_fee_minor >= 0),
    discount_minor      bigint      not null default 0 check (discount_minor >= 0),
    total_minor         bigint      not null check (total_minor >= 0),
    payment_method      text,
    ship_recipient_name text,
    ship_postal_code    text,
    ship_prefecture     text,
    ship_address        text,
    ship_phone          text,
    discreet            boolean     not null default false,
    carrier             text,
    tracking_number     text,
    placed_at           timestamptz not null,
    paid_at             timestamptz,
    shipped_at          timestamptz,
    delivered_at        timestamptz,
    cancelled_at        timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             bigint      not null default 0,
    unique (storefront_id, order_number)
);
create index customer_order_customer_idx on customer_order (customer_id);

create table order_line (
    id               bigint generated always as identity primary key,
    order_id         bigint  not null references customer_order (id),
    line_no          int     not null,
    sku              text    not null,
    product_name     text    not null,
    category         text,
    quantity         int     not null check (quantity > 0),
    unit_price_minor bigint  not null check (unit_price_minor >= 0),
    unique (order_id, line_no)
);

-- Every event that touched an order, in the order it happened: what it did to the status is
-- recorded too, so a late event is visible even when it did not move the order.
create table order_history (
    id          bigint generated always as identity primary key,
    order_id    bigint      not null references customer_order (id),
    event_id    text        not null,
    event_type  text        not null,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null default now(),
    status_from text,
    status_to   text        not null,
    note        text
);
create index order_history_order_idx on order_history (order_id, occurred_at);

-- Every event a storefront sent, keyed by its own id: the idempotency record (the body hash
-- tells a retry from a conflicting reuse of the id) and the parking place for events that
-- arrive before their order does (applied_at is null until the order exists).
create table inbound_event (
    storefront_id bigint      not null references storefront (id),
    event_id      text        not null,
    event_type    text        not null,
    order_number  text,
    body_sha256   bytea       not null,
    payload       jsonb       not null,
    occurred_at   timestamptz not null,
    carrier       text,
    tracking_no   text,
    received_at   timestamptz not null default now(),
    applied_at    timestamptz,
    outcome       text,
    primary key (storefront_id, event_id)
);
create index inbound_event_pending_idx on inbound_event (storefront_id, order_number, occurred_at)
    where applied_at is null;

-- Console users. Roles grow with the console; the bootstrap admin is created from the environment.
create table operator (
    id              bigint generated always as identity primary key,
    username        text        not null unique,
    password_hash   text        not null,
    display_name    text        not null,
    role            text        not null check (role in ('OPERATOR', 'SUPERVISOR', 'ADMIN')),
    enabled         boolean     not null default true,
    failed_logins   int         not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now()
);
