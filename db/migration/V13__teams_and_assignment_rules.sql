-- Who handles what (対応フロー): teams of operators, operators who are available or not, and the
-- ordered rules that route a new inquiry to a team and, within it, to a person.

-- An operator on a break or off sick stays enabled (they can log in) but gets no new work.
alter table operator add column available boolean not null default true;

create table team (
    id                        bigint generated always as identity primary key,
    code                      text        not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,31}$'),
    name                      text        not null check (length(name) between 1 and 100),
    -- The round-robin cursor: the member who got the team's last inquiry. Choosing the next one
    -- locks this row, so concurrent inquiries (on any number of app instances) take turns.
    last_assigned_operator_id bigint      references operator (id),
    created_at                timestamptz not null default now()
);

create table team_member (
    team_id     bigint not null references team (id) on delete cascade,
    operator_id bigint not null references operator (id),
    primary key (team_id, operator_id)
);
create index team_member_operator_idx on team_member (operator_id);

-- Evaluated in (position, id) order; the first rule whose conditions all hold wins. A null
-- condition matches anything.
create table assignment_rule (
    id            bigint generated always as identity primary key,
    position      int         not null check (position between 0 and 9999),
    channel       text        check (channel in ('PHONE', 'EMAIL', 'CHAT', 'VISIT', 'WEB_FORM')),
    category      text        check (category in ('SHIPPING', 'PRODUCT', 'RETURN', 'PAYMENT', 'OTHER')),
    storefront_id bigint      references storefront (id),
    team_id       bigint      not null references team (id) on delete cascade,
    strategy      text        not null check (strategy in ('ROUND_ROBIN', 'LEAST_LOADED')),
    created_by    text        not null,
    created_at    timestamptz not null default now()
);
create index assignment_rule_order_idx on assignment_rule (position, id);

-- The queue filtered by team, the callbacks list and the figures' period scans.
create index inquiry_team_idx on inquiry (team, status) where team is not null;
create index inquiry_callback_idx on inquiry (callback_at)
    where callback_wanted and status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER');
create index inquiry_created_at_idx on inquiry (created_at);
