-- Photos a customer attaches to a claim on the portal (a damaged parcel, the wrong colour).
-- Kept in the database rather than on disk: they travel with the claim in backups, every app
-- instance sees them, and nothing under a web root can ever serve them. The key is random, so
-- it names a photo without revealing how many exist; access is checked by the claim anyway.
create table claim_photo (
    id           bigint generated always as identity primary key,
    claim_id     bigint      not null references claim (id) on delete cascade,
    photo_key    uuid        not null unique,
    -- the type as read from the file's first bytes, never as the browser claimed it
    content_type text        not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'image/heic')),
    size_bytes   int         not null check (size_bytes between 1 and 10485760),
    content      bytea       not null,
    uploaded_at  timestamptz not null
);
create index claim_photo_claim_idx on claim_photo (claim_id, id);
