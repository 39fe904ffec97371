-- A storefront may have its own version of any mail template (its name, its tone, its links),
-- besides the shop's own version and the one shipped with the application. Null storefront_id is
-- the shop's version. The primary key moves to a surrogate id because a key column cannot be null.
alter table mail_template add column storefront_id bigint references storefront (id);
alter table mail_template drop constraint mail_template_pkey;
alter table mail_template add column id bigint generated always as identity primary key;
create unique index mail_template_version_key on mail_template (code, language, coalesce(storefront_id, 0));
