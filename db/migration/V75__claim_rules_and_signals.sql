-- Automatic approval rules and fraud signals for claims (issue #13 §2). Owner: returns.
--
-- claim_rule: a storefront's ordered rules; the first whose conditions all hold decides a new
-- claim. A null or empty condition matches anything; bounds are inclusive. The rule language is in
-- docs/returns.md (automatic approval rules).
create table claim_rule (
    id                  bigint generated always as identity primary key,
    storefront_id       bigint      not null references storefront (id),
    position            int         not null check (position between 0 and 9999),
    name                text        not null check (length(name) between 1 and 100),
    action              text        not null check (action in ('APPROVE', 'HOLD', 'REJECT')),
    request_types       text[]      not null default '{}',
    reasons             text[]      not null default '{}',
    categories          text[]      not null default '{}',
    skus                text[]      not null default '{}',
    payment_methods     text[]      not null default '{}',
    min_amount_yen      bigint      check (min_amount_yen >= 0),
    max_amount_yen      bigint      check (max_amount_yen >= 0),
    min_days            int         check (min_days >= 0),
    max_days            int         check (max_days >= 0),
    min_claims_12m      int         check (min_claims_12m >= 0),
    max_claims_12m      int         check (max_claims_12m >= 0),
    guarantee_use       text        not null default 'ANY' check (guarantee_use in ('ANY', 'NEVER', 'USED')),
    signal_condition    text        not null default 'ANY',
    reason_ja           text,
    reason_en           text,
    created_by          text        not null,
    created_at          timestamptz not null,
    -- a rejection always tells the customer why, in both languages
    check (action <> 'REJECT' or (reason_ja is not null and reason_en is not null)),
    check (min_amount_yen is null or max_amount_yen is null or min_amount_yen <= max_amount_yen),
    check (min_days is null or max_days is null or min_days <= max_days),
    check (min_claims_12m is null or max_claims_12m is null or min_claims_12m <= max_claims_12m)
);
create index claim_rule_storefront_idx on claim_rule (storefront_id, position, id);

-- What a rule did to a claim when it was opened (the status move itself is in claim_status_history
-- under the actor "rule:<name>"). The rule may be deleted later; its name stays.
create table claim_rule_decision (
    claim_id    bigint      primary key references claim (id),
    rule_id     bigint      references claim_rule (id) on delete set null,
    rule_name   text        not null,
    action      text        not null check (action in ('APPROVE', 'HOLD', 'REJECT')),
    decided_at  timestamptz not null
);

-- Fraud signals found on a claim: shown to operators, a queue filter, a condition a HOLD rule may
-- use; never a rejection by themselves. arguments are the numbers the message shows.
create table claim_signal (
    claim_id    bigint      not null references claim (id),
    signal      text        not null check (signal in ('SERIAL_RETURNER', 'GUARANTEE_ACROSS_STOREFRONTS',
                                                       'SHARED_WITH_FLAGGED', 'FLAGGED_CUSTOMER',
                                                       'QUICK_HIGH_VALUE')),
    arguments   text[]      not null default '{}',
    found_at    timestamptz not null,
    primary key (claim_id, signal)
);
create index claim_signal_signal_idx on claim_signal (signal, claim_id);

-- The contact points of a claim's customer and order, as SHA-256 digests of their normalised form
-- (email, phone, shipping address): enough to tell "the same person or address" across customers
-- and storefronts, never to read them back. Deleted with the customer's erasure.
create table claim_contact (
    claim_id    bigint not null references claim (id),
    customer_id bigint not null references customer (id),
    kind        text   not null check (kind in ('EMAIL', 'PHONE', 'ADDRESS')),
    digest      text   not null check (digest ~ '^[0-9a-f]{64}$'),
    primary key (claim_id, kind, digest)
);
create index claim_contact_digest_idx on claim_contact (kind, digest);
create index claim_contact_customer_idx on claim_contact (customer_id);

-- Customers an operator flagged as suspicious (with why): a signal on their own claims and on the
-- claims of anyone sharing a phone or address with them.
create table claim_customer_flag (
    customer_id bigint      primary key references customer (id),
    reason      text        not null check (length(reason) between 1 and 500),
    flagged_by  text        not null,
    flagged_at  timestamptz not null
);
