-- After-sales claims: returns, exchanges, refund-guarantee claims (返金保証), warranty repair and
-- recycling pick-up, with the per-product policies that decide what is possible.
-- Money is integer yen (the shop sells in JPY; the currency column keeps that explicit).

-- The after-sales terms of a product (by SKU) or of a whole category. A product with no row of
-- its own takes its category's; with neither, the statutory rules apply (特定商取引法: 8 days,
-- return shipping paid by the customer).
create table product_policy (
    id                        bigint generated always as identity primary key,
    sku                       text,
    category                  text,
    -- null: the product states no return policy, so the statutory 8 days apply
    return_window_days        int check (return_window_days >= 0),
    customer_return_shipping  text    not null default 'CUSTOMER' check (customer_return_shipping in ('SHOP', 'CUSTOMER')),
    exchange_allowed          boolean not null default false,
    final_sale                boolean not null default false,
    -- the refund guarantee: all five set, or none
    guarantee_period_days     int,
    guarantee_minimum_use_days int,
    guarantee_survey_required boolean,
    guarantee_once            boolean,
    guarantee_return_shipping text check (guarantee_return_shipping in ('SHOP', 'CUSTOMER')),
    warranty_months           int     not null default 0 check (warranty_months >= 0),
    recycling_fee_yen         bigint check (recycling_fee_yen >= 0),
    updated_at                timestamptz not null default now(),
    check ((sku is null) <> (category is null)),
    check ((guarantee_period_days is null) = (guarantee_return_shipping is null)),
    check (guarantee_period_days is null or (guarantee_period_days > 0
           and guarantee_minimum_use_days between 0 and guarantee_period_days
           and guarantee_survey_required is not null and guarantee_once is not null))
);
create unique index product_policy_sku_idx on product_policy (sku) where sku is not null;
create unique index product_policy_category_idx on product_policy (category) where category is not null;

-- RMA numbers look like RMA-2026-000123: the year (shop time zone) plus one ever-growing number.
create sequence claim_rma_seq;

create table claim (
    id                     bigint generated always as identity primary key,
    rma                    text        not null unique check (rma ~ '^RMA-[0-9]{4}-[0-9]{6,}$'),
    type                   text        not null check (type in ('RETURN', 'EXCHANGE', 'REFUND_GUARANTEE', 'WARRANTY_REPAIR', 'RECYCLE_PICKUP')),
    reason                 text        not null check (reason in ('SIZE', 'COLOR_DIFFERS', 'NOT_AS_EXPECTED', 'OTHER',
                                                                  'DAMAGED_IN_TRANSIT', 'DEFECTIVE', 'WRONG_ITEM')),
    status                 text        not null check (status in ('REQUESTED', 'QUOTED', 'QUOTE_DECLINED', 'APPROVED', 'REJECTED',
                                                                  'AWAITING_ITEM', 'RECEIVED', 'INSPECTED', 'REFUNDED',
                                                                  'EXCHANGE_SHIPPED', 'REPAIRED', 'CLOSED')),
    storefront_id          bigint      not null references storefront (id),
    order_id               bigint      not null references customer_order (id),
    customer_id            bigint      not null references customer (id),
    -- where it was asked for
    channel                text        not null check (channel in ('PORTAL', 'API', 'CONSOLE')),
    -- idempotency for storefronts: the same key from the same storefront is the same request
    client_request_id      text,
    request_sha256         bytea,
    -- what the customer wants back for a return: the money, or store credit
    settlement             text        not null default 'REFUND' check (settlement in ('REFUND', 'STORE_CREDIT')),
    customer_note          text        check (length(customer_note) <= 2000),
    -- what the customer sees when refused
    rejection_reason       text        check (length(rejection_reason) <= 1000),
    -- the eligibility decided when it was opened, kept as it was explained to the customer
    eligibility_reason     text        not null,
    eligible_until         date,
    return_shipping_payer  text        check (return_shipping_payer in ('SHOP', 'CUSTOMER')),
    free_of_charge         boolean     not null default false,
    fee_yen                bigint      check (fee_yen >= 0),
    -- the refund-guarantee terms the customer bought under (景品表示法): a snapshot, never updated
    terms_period_days      int,
    terms_minimum_use_days int,
    terms_survey_required  boolean,
    terms_once             boolean,
    terms_return_shipping  text        check (terms_return_shipping in ('SHOP', 'CUSTOMER')),
    -- the order's payment method when it was opened, which decides the refund route
    payment_method         text,
    refund_route           text        check (refund_route in ('TO_PAYMENT', 'BANK_TRANSFER', 'STORE_CREDIT')),
    currency               text        not null default 'JPY' check (currency = 'JPY'),
    refund_lines_yen       bigint      check (refund_lines_yen >= 0),
    refund_restocking_yen  bigint      check (refund_restocking_yen >= 0),
    refund_shipping_yen    bigint      check (refund_shipping_yen >= 0),
    refund_total_yen       bigint      check (refund_total_yen >= 0),
    store_credit_yen       bigint      check (store_credit_yen >= 0),
    coupon_code            text,
    quote_yen              bigint      check (quote_yen > 0),
    damage_confirmed       boolean     not null default false,
    inspection_note        text        check (length(inspection_note) <= 2000),
    exchange_tracking      text,
    -- the customer's bank account for a refund by transfer (COD, konbini, bank transfer):
    -- AES-GCM encrypted (key from configuration, the RMA as associated data), a masked form
    -- for the console, both erased once the refund is done
    bank_account_enc       bytea,
    bank_account_masked    text,
    bank_account_erased_at timestamptz,
    requested_at           timestamptz not null,
    resolved_at            timestamptz,
    closed_at              timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null default 0,
    check ((bank_account_enc is null) = (bank_account_masked is null)),
    check (status <> 'REJECTED' or rejection_reason is not null),
    check (status <> 'CLOSED' or closed_at is not null)
);
create unique index claim_client_request_idx on claim (storefront_id, client_request_id) where client_request_id is not null;
create index claim_order_idx on claim (order_id);
create index claim_customer_idx on claim (customer_id, requested_at desc);
-- the console queue: by status, oldest first, (…, id) for keyset paging
create index claim_queue_idx on claim (status, requested_at, id);

create table claim_line (
    id               bigint generated always as identity primary key,
    claim_id         bigint  not null references claim (id),
    order_line_no    int     not null,
    sku              text    not null,
    product_name     text    not null,
    category         text,
    quantity         int     not null check (quantity > 0),
    unit_price_yen   bigint  not null check (unit_price_yen >= 0),
    -- for an exchange: the variant the customer wants instead
    exchange_sku     text,
    unique (claim_id, order_line_no)
);
create index claim_line_sku_idx on claim_line (sku);

-- Every status a claim went through, who moved it and why. Append-only.
create table claim_status_history (
    id          bigint generated always as identity primary key,
    claim_id    bigint      not null references claim (id),
    status_from text,
    status_to   text        not null,
    actor       text        not null,
    note        text,
    at          timestamptz not null
);
create index claim_status_history_claim_idx on claim_status_history (claim_id, at, id);
