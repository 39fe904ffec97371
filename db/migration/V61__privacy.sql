-- Privacy (個人情報保護法): a customer's erasure, the retention periods per storefront, and what the
-- retention job removed. See docs/privacy.md.

-- When the person was anonymised (消去). The row stays, pseudonymous, so orders, claims and
-- inquiries keep counting in the figures.
alter table customer add column erased_at timestamptz;

-- Until when an erased customer's order keeps its transaction record (order number, the storefront's
-- order id): the bookkeeping period of the tax law. After it the retention job pseudonymises it too.
alter table customer_order add column retained_until date;
create index customer_order_retained_idx on customer_order (retained_until) where retained_until is not null;

-- Retention periods in days (null: kept until erased by hand). The row without a storefront is the
-- shop's default, which also governs the audit trail (its entries belong to no storefront).
create table privacy_retention (
    id                bigint generated always as identity primary key,
    storefront_id     bigint      unique references storefront (id),
    claim_photo_days  integer     check (claim_photo_days between 1 and 36500),
    bank_account_days integer     check (bank_account_days between 1 and 36500),
    inquiry_days      integer     check (inquiry_days between 1 and 36500),
    audit_days        integer     check (audit_days between 1 and 36500),
    updated_at        timestamptz not null default now(),
    updated_by        text        not null
);
create unique index privacy_retention_default_idx on privacy_retention ((storefront_id is null)) where storefront_id is null;

-- One line per kind of data a retention run removed, per storefront (null: shop-wide).
create table retention_removal (
    id            bigint generated always as identity primary key,
    run_at        timestamptz not null,
    storefront_id bigint      references storefront (id),
    item          text        not null check (item ~ '^[a-z][a-z0-9-]{1,62}$'),
    removed       integer     not null check (removed > 0),
    older_than    timestamptz not null
);
create index retention_removal_run_idx on retention_removal (run_at desc, id desc);

-- The audit page searches the whole trail by who, what, whom and when.
-- (newest first by id; V3 has (at) and (target_type, target_id)).
create index audit_log_actor_idx on audit_log (lower(actor), id desc);
