-- Inquiries by mail, both ways. An operator's reply is an outbox mail: the message keeps its id,
-- so a customer's answer (In-Reply-To / References = that mail's Message-ID) finds its inquiry.
alter table inquiry_message add column outbound_mail_id bigint references outbound_mail (id);
create index inquiry_message_outbound_idx on inquiry_message (outbound_mail_id) where outbound_mail_id is not null;

-- Attachments of inbound mail, size- and type-limited; served only to operators.
create table inquiry_attachment (
    id           bigint generated always as identity primary key,
    message_id   bigint      not null references inquiry_message (id),
    filename     text        not null,
    content_type text        not null,
    size_bytes   int         not null check (size_bytes >= 0),
    content      bytea       not null,
    created_at   timestamptz not null default now()
);
create index inquiry_attachment_message_idx on inquiry_attachment (message_id);

-- Inbound mailbox bookkeeping: which IMAP messages were taken in (by folder UIDVALIDITY and UID),
-- so a restart or a second instance never takes a mail twice; a mail that could not be read is
-- kept here with the reason instead of stopping the poller.
create table inbound_mail (
    id           bigint generated always as identity primary key,
    mailbox      text        not null,
    uid_validity bigint      not null,
    uid          bigint      not null,
    message_id   text,
    outcome      text        not null check (outcome in ('NEW_INQUIRY', 'ADDED_TO_INQUIRY', 'REJECTED')),
    inquiry_id   bigint      references inquiry (id),
    reason       text,
    received_at  timestamptz not null default now(),
    unique (mailbox, uid_validity, uid)
);
