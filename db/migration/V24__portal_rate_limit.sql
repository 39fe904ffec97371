-- The portal's lookup throttle (Bucket4j token buckets, PostgreSQL proxy manager with SELECT …
-- FOR UPDATE): one row per client address or order number, shared by every app instance, so
-- running several instances does not multiply a guesser's allowance. expires_at is epoch
-- milliseconds, after which the bucket is full again and the row can go (a scheduled cleaner
-- deletes such rows).
create table portal_rate_limit (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
create index portal_rate_limit_expires_idx on portal_rate_limit (expires_at);
