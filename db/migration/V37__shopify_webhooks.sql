-- Shopify webhooks as Shopify sends them (issue #11). A storefront connected to a Shopify store
-- keeps the secret its webhooks are signed with (encrypted: AES-256-GCM with AFTERCARE_SECRETS_KEY,
-- bound to the storefront) and how the store's payment gateways map to our payment methods.
create table shopify_connection (
    storefront_id     bigint      primary key references storefront (id),
    webhook_secret    bytea       not null,
    -- the last four characters, so an operator can tell which secret is stored without seeing it
    secret_hint       text        not null check (length(secret_hint) between 1 and 4),
    updated_at        timestamptz not null,
    updated_by        text        not null
);

create table shopify_gateway (
    storefront_id     bigint      not null references storefront (id),
    -- as Shopify names it in payment_gateway_names, compared trimmed, NFKC and lower-case
    gateway           text        not null check (length(gateway) between 1 and 100),
    payment_method    text        not null
                                  check (payment_method in ('CARD', 'ONLINE', 'COD', 'KONBINI', 'BANK_TRANSFER', 'OTHER')),
    primary key (storefront_id, gateway)
);

-- The storefront's own id of an order (Shopify's numeric order id): refunds name their order only by it.
alter table customer_order add column external_id text check (external_id is null or length(external_id) between 1 and 100);
create unique index customer_order_external_idx on customer_order (storefront_id, external_id) where external_id is not null;

-- Money that went back to the customer at the storefront, once per storefront refund.
alter table customer_order add column refunded_minor bigint not null default 0 check (refunded_minor >= 0);
create table order_refund (
    id            bigint generated always as identity primary key,
    order_id      bigint      not null references customer_order (id),
    refund_ref    text        not null check (length(refund_ref) between 1 and 100),
    amount_minor  bigint      not null check (amount_minor >= 0),
    refunded_at   timestamptz not null,
    recorded_at   timestamptz not null,
    note          text        check (note is null or length(note) <= 2000),
    unique (order_id, refund_ref)
);

-- Events kept until what they are about arrives: a refund that names its order only by the
-- storefront's order id waits under order_ref; a consent change for a customer we do not know yet
-- waits under customer_ref (the storefront's customer id). detail holds what applying it needs.
alter table inbound_event add column order_ref text;
alter table inbound_event add column customer_ref text;
alter table inbound_event add column detail jsonb;
create index inbound_event_pending_order_ref_idx on inbound_event (storefront_id, order_ref, occurred_at)
    where applied_at is null and order_ref is not null;
create index inbound_event_pending_customer_ref_idx on inbound_event (storefront_id, customer_ref, occurred_at)
    where applied_at is null and customer_ref is not null;
