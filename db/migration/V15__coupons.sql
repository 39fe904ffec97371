-- Coupons (クーポン): campaigns that say what a code is worth, codes issued one per recipient,
-- and every use a storefront reports. Amounts are integer yen.

create table coupon_campaign (
    id                bigint generated always as identity primary key,
    name              text        not null check (length(name) between 1 and 200),
    purpose           text        not null check (purpose in ('PROMOTION', 'STORE_CREDIT', 'APOLOGY')),
    -- PERCENT: value is 1-100 (% off); FIXED_YEN: value is yen off. A store-credit campaign
    -- has no value of its own: each of its codes carries the credit it was issued for.
    discount_kind     text        not null check (discount_kind in ('PERCENT', 'FIXED_YEN')),
    discount_value    bigint      check (discount_value > 0),
    minimum_spend_yen bigint      not null default 0 check (minimum_spend_yen >= 0),
    -- codes stop working at this instant, or valid_days after they were issued (the earlier of
    -- both when both are set); store credit has neither and takes its validity from the settings
    expires_at        timestamptz,
    valid_days        int         check (valid_days > 0),
    single_use        boolean     not null default true,
    storefront_id     bigint      references storefront (id),
    -- the standing campaign that store credit of one storefront (or of all) is issued from
    standing          boolean     not null default false,
    created_at        timestamptz not null default now(),
    check (discount_kind <> 'PERCENT' or discount_value <= 100),
    check (discount_value is not null or purpose = 'STORE_CREDIT'),
    check (expires_at is not null or valid_days is not null or purpose = 'STORE_CREDIT')
);
create unique index coupon_campaign_standing_idx on coupon_campaign (purpose, coalesce(storefront_id, 0))
    where standing;

-- One code per (campaign, customer, source): a retried issue returns the code it issued before.
-- The worth, expiry and scope are copied from the campaign when the code is issued, so a code
-- always means what the mail that carried it promised.
create table coupon (
    id                bigint generated always as identity primary key,
    campaign_id       bigint      not null references coupon_campaign (id),
    customer_id       bigint      not null references customer (id),
    source            text        not null check (length(source) between 1 and 200),
    code              text        not null unique check (code ~ '^[A-HJ-NP-Z2-9]{12}$'),
    discount_kind     text        not null check (discount_kind in ('PERCENT', 'FIXED_YEN')),
    discount_value    bigint      not null check (discount_value > 0),
    minimum_spend_yen bigint      not null check (minimum_spend_yen >= 0),
    expires_at        timestamptz not null,
    single_use        boolean     not null,
    storefront_id     bigint      references storefront (id),
    redemptions       int         not null default 0 check (redemptions >= 0),
    issued_at         timestamptz not null,
    unique (campaign_id, customer_id, source),
    check (not single_use or redemptions <= 1)
);
create index coupon_customer_idx on coupon (customer_id);

-- Each use of a code, as the storefront reported it. The same order reported twice is one use.
create table coupon_redemption (
    id               bigint generated always as identity primary key,
    coupon_id        bigint      not null references coupon (id),
    storefront_id    bigint      not null references storefront (id),
    order_number     text        not null,
    discount_yen     bigint      not null check (discount_yen > 0),
    -- what the redeemed order was worth, when the storefront said so; otherwise the figures
    -- take the order's own total once it is known
    order_total_yen  bigint      check (order_total_yen >= 0),
    event_id         text,
    redeemed_at      timestamptz not null,
    recorded_at      timestamptz not null default now(),
    unique (coupon_id, storefront_id, order_number)
);
create index coupon_redemption_order_idx on coupon_redemption (storefront_id, order_number);

-- A promotional step may carry a coupon: each enrolment that reaches it gets its own code from
-- the step's campaign (the code is issued when the mail is prepared, keyed by the step mail).
alter table scenario_step add column coupon_campaign_id bigint references coupon_campaign (id);

insert into coupon_campaign (name, purpose, discount_kind, discount_value, minimum_spend_yen, valid_days, single_use)
values ('リピート購入クーポン（お届け30日後）', 'PROMOTION', 'PERCENT', 10, 3000, 30, true);

update scenario_step st set coupon_campaign_id = c.id
  from coupon_campaign c, scenario s
 where c.name = 'リピート購入クーポン（お届け30日後）' and s.id = st.scenario_id
   and s.code = 'after-delivery' and st.template = 'repeat-coupon';
