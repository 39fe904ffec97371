-- Step mail (ステップメール): scenarios started by a customer's own events, each a list of steps
-- timed from that event. A step becomes one step_mail row per enrolment; the scheduler turns it
-- into an outbox mail when it is due (quiet hours and caps applied). V3 and V4 belong to the
-- console's audit log and the inquiry desk.

create table scenario (
    id            bigint generated always as identity primary key,
    code          text        not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name          text        not null,
    trigger_event text        not null check (trigger_event in ('order.placed', 'order.shipped', 'order.delivered', 'customer.registered')),
    storefront_id bigint      references storefront (id),
    category      text,
    sku           text,
    buyer         text        not null default 'ANY' check (buyer in ('ANY', 'FIRST', 'REPEAT')),
    paused        boolean     not null default false,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       bigint      not null default 0
);

create table scenario_step (
    id                    bigint generated always as identity primary key,
    scenario_id           bigint  not null references scenario (id),
    position              int     not null check (position > 0),
    delay_amount          int     not null check (delay_amount >= 0),
    delay_unit            text    not null check (delay_unit in ('MINUTES', 'HOURS', 'DAYS')),
    at_time               time,
    kind                  text    not null check (kind in ('TRANSACTIONAL', 'PROMOTIONAL')),
    template              text    not null,
    -- sent even in quiet hours (for mails a customer waits for, such as a purchase confirmation)
    urgent                boolean not null default false,
    -- "how is the product?" mails wait while a return, claim or complaint about the order is open
    hold_while_claim_open boolean not null default false,
    after_hold            text    not null default 'RESUME' check (after_hold in ('RESUME', 'DROP')),
    over_cap              text    not null default 'POSTPONE' check (over_cap in ('POSTPONE', 'SKIP')),
    unique (scenario_id, position),
    check (at_time is null or delay_unit = 'DAYS')
);

-- One enrolment per scenario and order (or per scenario and customer for customer triggers).
create table enrolment (
    id           bigint generated always as identity primary key,
    scenario_id  bigint      not null references scenario (id),
    customer_id  bigint      not null references customer (id),
    order_id     bigint      references customer_order (id),
    triggered_at timestamptz not null,
    created_at   timestamptz not null default now(),
    unique nulls not distinct (scenario_id, customer_id, order_id)
);
create index enrolment_order_idx on enrolment (order_id);

-- At most one mail per (enrolment, step), enforced here.
create table step_mail (
    id               bigint generated always as identity primary key,
    enrolment_id     bigint      not null references enrolment (id),
    step_id          bigint      not null references scenario_step (id),
    due_at           timestamptz not null,
    status           text        not null default 'SCHEDULED'
                     check (status in ('SCHEDULED', 'HELD', 'ENQUEUED', 'CANCELLED', 'SKIPPED')),
    reason           text,
    outbound_mail_id bigint      references outbound_mail (id),
    updated_at       timestamptz not null default now(),
    unique (enrolment_id, step_id)
);
create index step_mail_due_idx on step_mail (due_at) where status = 'SCHEDULED';

-- The ready-made scenario set a new shop starts with (editable and pausable). The purchase thanks
-- right after an order is sent by the order-thanks mail of the foundation, not by a scenario.
insert into scenario (code, name, trigger_event) values
    ('shipping-notice', '発送のお知らせ', 'order.shipped'),
    ('after-delivery', '商品到着後のフォロー', 'order.delivered');

insert into scenario_step (scenario_id, position, delay_amount, delay_unit, at_time, kind, template, hold_while_claim_open)
select s.id, v.position, v.delay_amount, v.delay_unit, v.at_time::time, v.kind, v.template, v.hold
  from scenario s
  join (values
        ('shipping-notice', 1, 0,  'MINUTES', null,    'TRANSACTIONAL', 'shipping-notice', false),
        ('after-delivery',  1, 1,  'DAYS',    '10:00', 'TRANSACTIONAL', 'arrival-check',   false),
        ('after-delivery',  2, 3,  'DAYS',    '10:00', 'TRANSACTIONAL', 'anything-wrong',  true),
        ('after-delivery',  3, 7,  'DAYS',    '10:00', 'TRANSACTIONAL', 'usage-tips',      true),
        ('after-delivery',  4, 14, 'DAYS',    '10:00', 'PROMOTIONAL',   'review-request',  true),
        ('after-delivery',  5, 30, 'DAYS',    '10:00', 'PROMOTIONAL',   'repeat-coupon',   true)
       ) as v(code, position, delay_amount, delay_unit, at_time, kind, template, hold)
    on v.code = s.code;
