-- The inquiry desk: inquiries from every channel, their messages, channel details and their own
-- audit trail. Enumerations are text with check constraints (readable in psql, cheap to extend).

-- References look like INQ-2026-000123: the year (shop time zone) plus one ever-growing number.
create sequence inquiry_reference_seq;

create table inquiry (
    id                    bigint generated always as identity primary key,
    reference             text        not null unique check (reference ~ '^INQ-[0-9]{4}-[0-9]{6,}$'),
    channel               text        not null check (channel in ('PHONE', 'EMAIL', 'CHAT', 'VISIT', 'WEB_FORM')),
    status                text        not null check (status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED')),
    category              text        not null check (category in ('SHIPPING', 'PRODUCT', 'RETURN', 'PAYMENT', 'OTHER')),
    priority              text        not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    customer_id           bigint      not null references customer (id),
    -- The storefront the inquiry came through (null when an operator opened it in the console):
    -- the API shows a storefront only its own inquiries.
    storefront_id         bigint      references storefront (id),
    order_id              bigint      references customer_order (id),
    -- A customer writing to a CLOSED inquiry starts a new one that points back here.
    follow_up_of          bigint      references inquiry (id),
    subject               text        not null check (length(subject) between 1 and 200),
    assignee_operator_id  bigint      references operator (id),
    team                  text,
    first_response_due_at timestamptz not null,
    resolution_due_at     timestamptz not null,
    first_responded_at    timestamptz,
    resolved_at           timestamptz,
    closed_at             timestamptz,
    flagged               boolean     not null default false,
    flag_reason           text,
    -- Channel details. Few and sparse, so columns rather than a child table per channel.
    phone_caller          text,
    callback_wanted       boolean     not null default false,
    callback_at           timestamptz,
    visit_address         text,
    visit_slot_start      timestamptz,
    visit_slot_end        timestamptz,
    visit_staff           text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null default 0,
    check (visit_slot_end is null or visit_slot_start is null or visit_slot_end > visit_slot_start),
    check (not flagged or flag_reason is not null),
    check (status <> 'CLOSED' or closed_at is not null)
);
-- The queue: open work by status, most urgent and soonest due first; (…, id) for keyset paging.
create index inquiry_queue_idx on inquiry (status, priority, first_response_due_at, id)
    where status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER');
create index inquiry_resolution_due_idx on inquiry (resolution_due_at, id)
    where status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER');
create index inquiry_assignee_idx on inquiry (assignee_operator_id, status) where assignee_operator_id is not null;
create index inquiry_customer_idx on inquiry (customer_id, created_at desc);
create index inquiry_order_idx on inquiry (order_id) where order_id is not null;
create index inquiry_storefront_idx on inquiry (storefront_id, created_at desc, id) where storefront_id is not null;
create index inquiry_flagged_idx on inquiry (created_at, id) where flagged;

create table inquiry_message (
    id          bigint generated always as identity primary key,
    inquiry_id  bigint      not null references inquiry (id),
    direction   text        not null check (direction in ('INBOUND', 'OUTBOUND', 'NOTE')),
    -- An operator's username, or 'customer' for what the customer wrote.
    author      text        not null,
    -- The name the writer gave (a customer signing a web form), shown next to the author.
    author_name text,
    -- Stored exactly as written; HTML is text here, the console escapes it.
    body        text        not null check (length(body) between 1 and 20000),
    channel     text        not null check (channel in ('PHONE', 'EMAIL', 'CHAT', 'VISIT', 'WEB_FORM')),
    message_id  text,
    in_reply_to text,
    created_at  timestamptz not null
);
create index inquiry_message_inquiry_idx on inquiry_message (inquiry_id, created_at, id);
-- Threading: a mail reply names our Message-ID in In-Reply-To.
create unique index inquiry_message_message_id_idx on inquiry_message (message_id) where message_id is not null;

-- The inquiry's own audit trail: who did what, when. Append-only.
create table inquiry_event (
    id          bigint generated always as identity primary key,
    inquiry_id  bigint      not null references inquiry (id),
    type        text        not null check (type in ('CREATED', 'ASSIGNED', 'STATUS_CHANGED', 'REPLIED', 'NOTE_ADDED',
                                                     'CUSTOMER_REPLIED', 'FLAGGED', 'UNFLAGGED')),
    actor       text        not null,
    detail      text,
    occurred_at timestamptz not null
);
create index inquiry_event_inquiry_idx on inquiry_event (inquiry_id, occurred_at, id);
