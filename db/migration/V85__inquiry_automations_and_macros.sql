-- Automations (自動化ルール), macros (マクロ), tags and SLA breach alerts of the inquiry desk.
-- Owner: inquiry. See docs/inquiries.md#automations-and-macros.

-- A rule: when it runs (an inquiry event, or time), what must hold (null: anything), what it does.
create table inquiry_automation (
    id                   bigint generated always as identity primary key,
    name                 text        not null check (length(name) between 1 and 100),
    enabled              boolean     not null default true,
    trigger              text        not null check (trigger in ('CREATED', 'CUSTOMER_REPLIED', 'STATUS_CHANGED', 'TIME')),
    -- conditions
    status               text        check (status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED')),
    channel              text        check (channel in ('PHONE', 'EMAIL', 'CHAT', 'VISIT', 'WEB_FORM')),
    category             text        check (category in ('SHIPPING', 'PRODUCT', 'RETURN', 'PAYMENT', 'OTHER')),
    priority             text        check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    storefront_id        bigint      references storefront (id),
    words                text        check (length(words) <= 500),
    min_customer_value   bigint      check (min_customer_value >= 0),
    time_since           text        check (time_since in ('CREATED', 'UPDATED', 'WAITING', 'FIRST_RESPONSE_DUE', 'RESOLUTION_DUE')),
    time_amount          int         check (time_amount between 0 and 10000),
    time_unit            text        check (time_unit in ('MINUTES', 'HOURS', 'BUSINESS_HOURS', 'BUSINESS_DAYS')),
    -- actions
    set_priority         text        check (set_priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    set_status           text        check (set_status in ('RESOLVE', 'CLOSE')),
    flag_reason          text        check (length(flag_reason) between 1 and 500),
    add_tag              text        check (length(add_tag) between 1 and 40),
    to_team              text,
    customer_mail        text        check (customer_mail in ('WAITING_REMINDER', 'CLOSED_AFTER_WAITING')),
    notify_supervisors   boolean     not null default false,
    created_by           text        not null,
    updated_by           text        not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    -- a time rule says since when; an event rule does not
    check ((trigger = 'TIME') = (time_since is not null)),
    check ((time_since is null) = (time_amount is null) and (time_since is null) = (time_unit is null))
);

-- Each rule fires at most once per inquiry per occasion (the event or the time it counted from):
-- the firing's insert is the lock, taken in the transaction that applies the actions, so two
-- instances never both act.
create table inquiry_automation_firing (
    automation_id bigint      not null references inquiry_automation (id) on delete cascade,
    inquiry_id    bigint      not null references inquiry (id),
    occasion      text        not null,
    fired_at      timestamptz not null,
    primary key (automation_id, inquiry_id, occasion)
);
create index inquiry_automation_firing_last_idx on inquiry_automation_firing (automation_id, fired_at);
create index inquiry_automation_firing_inquiry_idx on inquiry_automation_firing (inquiry_id);

-- Several steps an operator applies at once from the inquiry page.
create table inquiry_macro (
    id                 bigint generated always as identity primary key,
    name               text        not null unique check (length(name) between 1 and 100),
    canned_response_id bigint      references canned_response (id) on delete set null,
    set_status         text        check (set_status in ('WAITING_ON_CUSTOMER', 'RESOLVED')),
    set_priority       text        check (set_priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    add_tag            text        check (length(add_tag) between 1 and 40),
    assign_to_me       boolean     not null default false,
    to_team            text,
    created_by         text        not null,
    updated_by         text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check (not (assign_to_me and to_team is not null))
);

create table inquiry_tag (
    inquiry_id bigint      not null references inquiry (id),
    tag        text        not null check (length(tag) between 1 and 40),
    added_by   text        not null,
    added_at   timestamptz not null,
    primary key (inquiry_id, tag)
);

-- One alert per breach: a clock (first response, resolution) passing one due time. A due time
-- moved on (a new priority, a wait on the customer) is a new breach.
create table inquiry_sla_breach (
    inquiry_id  bigint      not null references inquiry (id),
    clock       text        not null check (clock in ('FIRST_RESPONSE', 'RESOLUTION')),
    due_at      timestamptz not null,
    noticed_at  timestamptz not null,
    mailed      int         not null,
    primary key (inquiry_id, clock, due_at)
);
