-- Idempotency keys of the storefront API's creating requests (Idempotency-Key header), kept with
-- what the first try produced (an inquiry reference), in the transaction that produced it.
-- Claims keep theirs on the claim row (V14); this table serves the requests that have no row of
-- their own to carry it.
create table api_request (
    storefront_id  bigint      not null references storefront (id),
    scope          text        not null check (length(scope) between 1 and 100),
    request_key    text        not null check (length(request_key) between 1 and 200),
    request_sha256 bytea       not null,
    result         text        not null,
    created_at     timestamptz not null default now(),
    primary key (storefront_id, scope, request_key)
);
