-- Outgoing webhooks (issue #11, section 3): a storefront subscribes a URL to some events; every
-- matching domain event becomes one delivery row, written in the transaction of the change, and a
-- dispatcher claims due rows with FOR UPDATE SKIP LOCKED and a lease, like the mail outbox. The
-- signing secret is stored sealed (AES-256-GCM under AFTERCARE_SECRETS_KEY), never in clear.
create table webhook_subscription (
    id            bigserial   primary key,
    storefront_id bigint      not null references storefront (id),
    url           text        not null check (length(url) between 10 and 2000),
    events        text[]      not null check (cardinality(events) between 1 and 50),
    secret_enc    bytea       not null,
    created_at    timestamptz not null default now(),
    created_by    text        not null,
    -- the receiver answered 410 Gone: nothing more is sent until it subscribes again
    disabled_at   timestamptz,
    disabled_why  text,
    -- deleted subscriptions stay for their deliveries' history
    deleted_at    timestamptz,
    deleted_by    text
);

create index webhook_subscription_live on webhook_subscription (storefront_id)
    where deleted_at is null and disabled_at is null;

create table webhook_delivery (
    id              bigserial   primary key,
    subscription_id bigint      not null references webhook_subscription (id),
    storefront_id   bigint      not null references storefront (id),
    -- the webhook-id header: the same on every attempt, so the receiver can drop a repeat
    message_id      text        not null unique,
    event_type      text        not null,
    -- the exact bytes signed and sent, kept as text (jsonb would reorder the keys)
    payload         text        not null,
    status          text        not null default 'PENDING'
                        check (status in ('PENDING', 'DELIVERING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    -- retried until then (24 hours after the event, or after an operator's resend)
    give_up_at      timestamptz not null,
    claimed_by      text,
    lease_until     timestamptz,
    last_status     integer,
    last_response   text,
    last_error      text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    updated_at      timestamptz not null default now()
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_leased on webhook_delivery (lease_until) where status = 'DELIVERING';
create index webhook_delivery_of_subscription on webhook_delivery (subscription_id, id desc);

-- hosts an administrator allows besides aftercare.webhooks.allowed-hosts: a receiver on the shop's
-- own network (private address) or one without TLS
create table webhook_allowed_host (
    host       text        primary key check (length(host) between 1 and 253 and host = lower(host)),
    added_at   timestamptz not null default now(),
    added_by   text        not null
);
