-- Who did what, when: one general trail for every module (console admin actions today; the
-- inquiry desk and reveals of personal data later). Rows are only ever inserted.
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    target_type text        not null,
    target_id   text,
    details     jsonb       not null default '{}'::jsonb
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_target_idx on audit_log (target_type, target_id);
