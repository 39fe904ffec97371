-- Issue #12 §1: a LINE user proves an order of theirs through the portal's lookup and becomes that
-- order's customer. The operator sends them a signed, expiring link; each link opens once.
create table line_link_token (
    nonce        uuid        primary key,
    identity_id  bigint      not null references line_identity (id),
    expires_at   timestamptz not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    -- set once, by the lookup that linked: a second use finds it set and links nothing
    used_at      timestamptz
);
create index line_link_token_identity_idx on line_link_token (identity_id);

-- the conversation's timeline shows when its LINE user was linked to a customer and an order
alter table inquiry_event drop constraint inquiry_event_type_check;
alter table inquiry_event add constraint inquiry_event_type_check
    check (type in ('CREATED', 'ASSIGNED', 'STATUS_CHANGED', 'REPLIED', 'NOTE_ADDED',
                    'CUSTOMER_REPLIED', 'FLAGGED', 'UNFLAGGED', 'PRIORITY_CHANGED', 'LINKED'));
