-- Two-factor sign-in for operators (TOTP, RFC 6238). The shared secret is sealed with
-- AFTERCARE_SECRETS_KEY like every other stored secret; the last accepted time step makes a code
-- usable once; recovery codes are stored as SHA-256 hashes (random 50-bit codes: a slow hash would
-- add nothing) and each works once.
alter table operator
    add column totp_secret_sealed bytea,
    add column totp_enabled_at    timestamptz,
    add column totp_last_step     bigint;

create table operator_recovery_code (
    operator_id bigint      not null references operator (id) on delete cascade,
    code_hash   bytea       not null,
    created_at  timestamptz not null default now(),
    used_at     timestamptz,
    primary key (operator_id, code_hash)
);
