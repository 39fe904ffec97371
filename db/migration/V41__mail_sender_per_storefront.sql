-- A sender per storefront: its own From, Reply-To and signature, and optionally its own SMTP relay.
-- 楽天市場's masked buyer addresses (あんしんメルアド) take mail only through the mall's relay, so a
-- storefront's relay can carry all of its mail or only mail to the domains listed in relay_domains;
-- the rest goes through the global relay (spring.mail.*). The relay password is stored encrypted
-- (AES-256-GCM, AFTERCARE_SECRETS_KEY), never in clear.
create table mail_sender (
    storefront_id      bigint      primary key references storefront (id),
    from_name          text        check (from_name is null or length(from_name) between 1 and 100),
    from_address       text        not null check (length(from_address) between 3 and 254),
    reply_to           text        check (reply_to is null or length(reply_to) between 3 and 254),
    signature          text        check (signature is null or length(signature) <= 2000),
    relay_host         text        check (relay_host is null or length(relay_host) between 1 and 253),
    relay_port         integer     check (relay_port is null or relay_port between 1 and 65535),
    relay_starttls     boolean     not null default true,
    relay_username     text        check (relay_username is null or length(relay_username) <= 200),
    relay_password_enc bytea,
    relay_domains      text[]      not null default '{}',
    updated_at         timestamptz not null default now(),
    updated_by         text        not null,
    check ((relay_host is null) = (relay_port is null))
);

-- the storefront a mail is sent for: its sender and relay are chosen when it is dispatched
alter table outbound_mail add column storefront_id bigint references storefront (id);
