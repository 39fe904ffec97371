-- The customer portal carries the storefront's own name and logo and leads back to its shop
-- (issue #14, layout). Owner: storefront (domain). Both optional: without a shop address the
-- portal's name leads to the portal's own first page, never to the staff login.
alter table storefront
    add column site_url text check (site_url ~ '^https?://[^\s]+$' and length(site_url) <= 2000),
    add column logo_url text check (logo_url ~ '^https?://[^\s]+$' and length(logo_url) <= 2000);
