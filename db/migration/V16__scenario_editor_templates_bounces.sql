-- The console's scenario editor, templates edited in the console, and hard bounces.

-- Editing a step never changes mails already scheduled from it: the editor retires the old row
-- and adds a new version (step_mail rows keep pointing at the version they were enrolled with).
-- origin_id ties the versions of one step together for its figures.
alter table scenario_step
    add column retired_at timestamptz,
    add column origin_id  bigint references scenario_step (id);
alter table scenario_step drop constraint scenario_step_scenario_id_position_key;
create unique index scenario_step_live_position_idx on scenario_step (scenario_id, position) where retired_at is null;
create index step_mail_step_idx on step_mail (step_id, status);

-- A template saved in the console overrides the one shipped with the application (mail/<lang>/),
-- per language. The HTML part is optional: without it the mail is plain text only.
create table mail_template (
    code       text        not null check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    language   text        not null check (language in ('ja', 'en')),
    subject    text        not null,
    text_body  text        not null,
    html_body  text,
    updated_at timestamptz not null default now(),
    updated_by text        not null,
    primary key (code, language)
);

-- Addresses that bounced hard (a 5xx for the recipient, or a delivery report saying so). Nothing
-- is mailed to an address here until an operator clears it; a new bounce after a clearing sets it
-- again.
create table mail_suppression (
    address    text        primary key check (address = lower(address)),
    reason     text        not null,
    source     text        not null,
    bounced_at timestamptz not null default now(),
    cleared_at timestamptz,
    cleared_by text
);
create index mail_suppression_active_idx on mail_suppression (bounced_at) where cleared_at is null;

-- Where the console sends an operator's test mails.
alter table operator add column email text;
