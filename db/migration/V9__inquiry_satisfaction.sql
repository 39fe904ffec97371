-- One answer per resolved inquiry to the one-question satisfaction survey (顧客満足度): 1-5 and
-- an optional comment, given through a signed link without login.
create table inquiry_satisfaction (
    inquiry_id  bigint      primary key references inquiry (id),
    score       int         not null check (score between 1 and 5),
    comment     text,
    answered_at timestamptz not null default now()
);
