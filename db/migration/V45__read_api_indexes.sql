-- The read API (issue #11, section 4): GET /api/v1/claims and /api/v1/inquiries page through a
-- storefront's records by (updated_at, id), filtered by updatedSince. Owners: claim (returns),
-- inquiry (inquiry). Both tables already keep updated_at (V14, V4); only the keyset index is new.
create index claim_storefront_updated_idx on claim (storefront_id, updated_at, id);
create index inquiry_storefront_updated_idx on inquiry (storefront_id, updated_at, id) where storefront_id is not null;
