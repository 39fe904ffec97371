-- Usage tips per product (スタッフおすすめの使い方), written by the shop in the console and placed
-- into follow-up mails as lines[].tips: by SKU, or for every product of a category when the SKU
-- has none. A discreet order's mail names no product, so it carries no tips either.
create table product_tip (
    id         bigint generated always as identity primary key,
    sku        text unique check (length(sku) between 1 and 100),
    category   text unique check (length(category) between 1 and 100),
    tips       text        not null check (length(tips) between 1 and 2000),
    updated_at timestamptz not null default now(),
    updated_by text        not null,
    check ((sku is null) <> (category is null))
);
