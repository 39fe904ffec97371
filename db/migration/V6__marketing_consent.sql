-- Consent to promotional mail (特定電子メール法): only customers who agreed get it, and we keep
-- the record of when, through which storefront or form, and the exact wording they were shown.
-- An opt-out is a record too, and takes effect at once.

alter table customer
    add column promotional_consent    boolean     not null default false,
    add column promotional_consent_at timestamptz;

create table consent_record (
    id          bigint generated always as identity primary key,
    customer_id bigint      not null references customer (id),
    granted     boolean     not null,
    source      text        not null,
    wording     text,
    recorded_at timestamptz not null default now()
);
create index consent_record_customer_idx on consent_record (customer_id, recorded_at);
