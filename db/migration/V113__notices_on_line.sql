-- Notices on LINE (#12 §1, §2): a customer linked to a storefront's LINE official account may get
-- the shipping notice, step mails and the visit confirmation there instead of by mail. Owned by the
-- domain (com.aftercare.domain.line, routed by com.aftercare.domain.notice); step_mail (stepmail)
-- points at the LINE text its step became, as it points at its mail.

-- The storefront's switch: off until an admin turns it on in the console (audited).
alter table line_channel add column notices_on_line boolean not null default false;

-- The customer's choice for this LINE identity: null is the default (LINE while the storefront's
-- switch is on), MAIL keeps notices in the mailbox. Changed by an operator, audited.
alter table line_identity add column notices_by text check (notices_by in ('LINE', 'MAIL'));

-- A notice that was to go on LINE: the LINE text it became (null when the LINE user had unfollowed
-- and the customer has no email: not deliverable), and the mail it is, so that a text LINE could
-- not take (FAILED: unfollowed meanwhile, refused) goes by mail instead, once (the mail keeps the
-- notice's dedup key). The customer timeline shows it beside the mails.
create table line_notice (
    id               bigint      generated always as identity primary key,
    dedup_key        text        not null unique,
    push_id          bigint      unique references line_push (id),
    customer_id      bigint      not null references customer (id),
    storefront_id    bigint      not null references storefront (id),
    order_id         bigint      references customer_order (id),
    kind             text        not null check (kind in ('TRANSACTIONAL', 'PROMOTIONAL')),
    template         text        not null,
    subject          text        not null,
    mail_to          text,
    text_body        text        not null,
    html_body        text,
    headers          jsonb       not null default '{}',
    -- null while the LINE text decides; MAILED: sent by mail instead; UNDELIVERABLE: no way to reach
    -- them; WITHDRAWN: a promotional one still waiting when the customer opted out
    outcome          text        check (outcome in ('MAILED', 'UNDELIVERABLE', 'WITHDRAWN')),
    fallback_mail_id bigint      references outbound_mail (id),
    created_at       timestamptz not null,
    settled_at       timestamptz,
    check (push_id is not null or outcome = 'UNDELIVERABLE')
);
create index line_notice_customer_idx on line_notice (customer_id, created_at desc);
create index line_notice_unsettled_idx on line_notice (push_id) where outcome is null;

alter table step_mail add column line_push_id bigint references line_push (id);
