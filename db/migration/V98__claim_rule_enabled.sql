-- #13 §2 console: a supervisor switches a rule off without losing it (the rule editor), and the
-- editor records who changed a rule last. A switched-off rule is neither screened nor dry-run.
alter table claim_rule add column enabled    boolean     not null default true;
alter table claim_rule add column updated_by text;
alter table claim_rule add column updated_at timestamptz;
