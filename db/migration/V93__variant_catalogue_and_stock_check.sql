-- Exchanges a shop can fulfil (issue #13, section 3).
--
-- The variants a storefront sells, learned from its order events: each order.placed line whose
-- storefront names the product the SKU belongs to (and, optionally, what sets the variant apart:
-- size, colour) keeps one row per storefront and SKU, updated by newer orders only. The portal
-- offers an exchange among the other variants of the same product. Owned by the domain
-- (com.aftercare.domain.catalogue).
create table catalogue_variant (
    storefront_id    bigint      not null references storefront (id),
    sku              text        not null check (length(sku) between 1 and 64),
    product_code     text        check (length(product_code) between 1 and 64),
    name             text        not null check (length(name) between 1 and 300),
    -- {"サイズ": "M", "カラー": "ネイビー"}: json, not jsonb, so the storefront's order of the
    -- attributes is kept for the portal
    attributes       json        not null default '{}',
    unit_price_minor bigint      not null check (unit_price_minor >= 0),
    -- the occurredAt of the order event that last described it: an older event never overwrites
    last_seen_at     timestamptz not null,
    primary key (storefront_id, sku)
);

create index catalogue_variant_product on catalogue_variant (storefront_id, product_code)
    where product_code is not null;

-- A storefront's stock-check callback: asked whether the variants of an exchange are in stock,
-- signed like the outgoing webhooks with a secret of its own (sealed under AFTERCARE_SECRETS_KEY).
-- Owned by the outgoing webhooks (com.aftercare.domain.webhook), which keep the SSRF checks.
create table stock_check_endpoint (
    storefront_id bigint      primary key references storefront (id),
    url           text        not null check (length(url) between 10 and 2000),
    secret_enc    bytea       not null,
    created_at    timestamptz not null default now(),
    created_by    text        not null
);
