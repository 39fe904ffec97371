-- LINE as a channel of its own (#12): a LINE Messaging API channel per storefront, the LINE users
-- who wrote to it, the webhook events already taken (LINE redelivers) and the durable outbox of
-- replies and pushes. Owned by the domain (com.aftercare.domain.line); the inquiry desk reaches
-- them through its facades only.

create table line_channel (
    storefront_id   bigint      primary key references storefront (id),
    -- both sealed with AFTERCARE_SECRETS_KEY (Secrets), bound to the storefront
    channel_secret  bytea       not null,
    access_token    bytea       not null,
    -- the secret's last four characters, so an operator can tell which one is stored
    secret_hint     text        not null check (length(secret_hint) between 1 and 4),
    updated_at      timestamptz not null,
    updated_by      text        not null
);

-- A LINE user as one channel (storefront) knows them: LINE gives each provider its own userId.
create table line_identity (
    id              bigint      generated always as identity primary key,
    storefront_id   bigint      not null references storefront (id),
    line_user_id    text        not null check (line_user_id ~ '^U[0-9a-f]{32}$'),
    customer_id     bigint      not null references customer (id),
    display_name    text        check (length(display_name) <= 200),
    -- false after an unfollow (blocked): nothing is pushed to them until they follow again
    following       boolean     not null default true,
    unfollowed_at   timestamptz,
    -- when the customer proved an order of theirs through the portal and the identity moved to them
    linked_at       timestamptz,
    created_at      timestamptz not null,
    unique (storefront_id, line_user_id)
);
create index line_identity_customer_idx on line_identity (customer_id);

-- Webhook events already taken, by LINE's webhookEventId: a redelivery finds its row and changes nothing.
create table line_webhook_event (
    storefront_id    bigint      not null references storefront (id),
    webhook_event_id text        not null check (length(webhook_event_id) between 1 and 100),
    event_type       text        not null check (length(event_type) between 1 and 50),
    redelivery       boolean     not null,
    received_at      timestamptz not null,
    primary key (storefront_id, webhook_event_id)
);
create index line_webhook_event_received_idx on line_webhook_event (received_at);

-- The one way a text leaves for LINE, like outbound_mail for mail: claimed with SKIP LOCKED and a
-- lease, retried with back-off, parked as UNKNOWN when LINE may or may not have taken it.
create table line_push (
    id               bigint      generated always as identity primary key,
    storefront_id    bigint      not null references storefront (id),
    identity_id      bigint      not null references line_identity (id),
    dedup_key        text        not null unique,
    text             text        not null check (length(text) between 1 and 5000),
    -- the reply token of the customer's message, and until when it is used (LINE: within a minute)
    reply_token      text,
    reply_until      timestamptz,
    -- X-Line-Retry-Key: the same on every try, so LINE executes the push once
    retry_key        uuid        not null,
    status           text        not null check (status in ('PENDING', 'CLAIMED', 'IN_FLIGHT', 'SENT', 'FAILED', 'UNKNOWN')),
    sent_via         text        check (sent_via in ('REPLY', 'PUSH')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    claimed_by       text,
    lease_until      timestamptz,
    last_error       text,
    -- LINE's X-Line-Request-Id (or X-Line-Accepted-Request-Id on a 409) of the accepted request
    request_id       text,
    sent_at          timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index line_push_due_idx on line_push (next_attempt_at) where status = 'PENDING';
create index line_push_claimed_idx on line_push (lease_until) where status = 'CLAIMED';
create index line_push_in_flight_idx on line_push (lease_until) where status = 'IN_FLIGHT';
create index line_push_identity_idx on line_push (identity_id);

-- The desk: LINE is a channel like the others.
alter table inquiry drop constraint inquiry_channel_check;
alter table inquiry add constraint inquiry_channel_check
    check (channel in ('PHONE', 'EMAIL', 'CHAT', 'VISIT', 'WEB_FORM', 'LINE'));
alter table inquiry_message drop constraint inquiry_message_channel_check;
alter table inquiry_message add constraint inquiry_message_channel_check
    check (channel in ('PHONE', 'EMAIL', 'CHAT', 'VISIT', 'WEB_FORM', 'LINE'));
alter table assignment_rule drop constraint assignment_rule_channel_check;
alter table assignment_rule add constraint assignment_rule_channel_check
    check (channel in ('PHONE', 'EMAIL', 'CHAT', 'VISIT', 'WEB_FORM', 'LINE'));

-- One open conversation per LINE user: the inquiry a LINE user's next message joins.
alter table inquiry add column line_identity_id bigint references line_identity (id);
create index inquiry_line_identity_idx on inquiry (line_identity_id, created_at desc) where line_identity_id is not null;

-- What a LINE message was (null: text), its reply token (LINE takes it for about a minute after
-- the message's created_at), and the text in line_push that carried an operator's answer (its
-- state is shown on the message).
alter table inquiry_message add column content_kind text check (content_kind in ('IMAGE', 'STICKER', 'FILE', 'POSTBACK'));
alter table inquiry_message add column line_reply_token text;
alter table inquiry_message add column line_push_id bigint references line_push (id);
create index inquiry_message_line_push_idx on inquiry_message (line_push_id) where line_push_id is not null;
