-- The one durable mail outbox. Every module enqueues here inside its own transaction; only the
-- dispatcher talks SMTP. States:
--   PENDING    waiting for its due time (next_attempt_at)
--   CLAIMED    taken by a dispatcher (claimed_by) until lease_until, not yet handed to SMTP:
--              safe to take over once the lease has run out
--   IN_FLIGHT  being handed to SMTP right now: if its lease runs out the outcome is unknown
--   SENT       accepted by the SMTP server (message_id recorded)
--   FAILED     permanently refused, or out of attempts
--   UNKNOWN    the connection broke after the message may have been accepted: parked for an
--              operator to release or drop, never resent blindly
--   CANCELLED  withdrawn before sending
create table outbound_mail (
    id              bigint generated always as identity primary key,
    dedup_key       text        not null unique,
    kind            text        not null check (kind in ('TRANSACTIONAL', 'PROMOTIONAL')),
    template        text        not null,
    customer_id     bigint      references customer (id),
    order_id        bigint      references customer_order (id),
    to_address      text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text,
    headers         jsonb       not null default '{}'::jsonb,
    status          text        not null default 'PENDING'
                    check (status in ('PENDING', 'CLAIMED', 'IN_FLIGHT', 'SENT', 'FAILED', 'UNKNOWN', 'CANCELLED')),
    due_at          timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    attempts        int         not null default 0,
    claimed_by      text,
    lease_until     timestamptz,
    last_error      text,
    message_id      text,
    sent_at         timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index outbound_mail_due_idx on outbound_mail (next_attempt_at) where status = 'PENDING';
create index outbound_mail_lease_idx on outbound_mail (lease_until) where status in ('CLAIMED', 'IN_FLIGHT');
create index outbound_mail_customer_idx on outbound_mail (customer_id, created_at);
create index outbound_mail_order_idx on outbound_mail (order_id);

-- Spring Modulith's event publication registry (JDBC, schema v2): a domain event is written
-- here in the publishing transaction and marked complete only after its listener succeeded,
-- so a crash between commit and listener loses nothing.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
