-- Whether an operator takes new inquiries is the inquiry desk's business, not the domain's: it moves
-- from operator.available (V13) to a table the inquiry module owns. An operator without a row is
-- available (new accounts are, as the old column's default said).

create table operator_availability (
    operator_id bigint      primary key references operator (id),
    available   boolean     not null,
    updated_at  timestamptz not null default now(),
    -- the supervisor who last switched it; null for the values carried over from operator.available
    updated_by  text
);

insert into operator_availability (operator_id, available)
select id, available from operator;

alter table operator drop column available;

-- The desk skips locked accounts when it deals out new work; the lockout's end is all it needs of
-- the lockout (never the counter). New column at the end: the view's columns are a contract.
create or replace view operator_view as
select id, username, display_name, role, enabled, email, locked_until
  from operator;
