-- The domain's read models: what the feature modules may read about customers, orders, operators,
-- storefronts, coupons and mail in SQL. A feature module never names a domain table; it reads these
-- views (set-based queries: queues, figures, segments) or calls a domain facade (one order, one
-- customer). The views are the contract: the domain may reshape its tables as long as they keep
-- their columns. Plain single-table views, so PostgreSQL inlines them and every index still applies.
-- Writing through them is refused by the table-ownership test (docs/architecture.md#table-owners).

create view customer_view as
select id, name, name_kana, email, email_normalized, phone, promotional_consent, created_at, search_text
  from customer;

-- a customer's registrations at storefronts (customer.registered), without the storefront's own id for them
create view customer_storefront_view as
select customer_id, storefront_id
  from customer_external_id;

create view order_view as
select id, storefront_id, order_number, customer_id, status, currency, total_minor, payment_method, discreet,
       carrier, tracking_number, placed_at, paid_at, shipped_at, delivered_at, cancelled_at, search_text
  from customer_order;

create view order_line_view as
select order_id, line_no, sku, product_name, category, quantity, unit_price_minor
  from order_line;

-- no password hash, no lockout counters
create view operator_view as
select id, username, display_name, role, enabled, email
  from operator;

create view storefront_view as
select id, code, name
  from storefront;

-- which customer got which code from which source, and whether it was used (no code itself)
create view coupon_view as
select id, campaign_id, customer_id, source, storefront_id, redemptions, issued_at
  from coupon;

-- what happened to each mail, without its content or address
create view mail_delivery_view as
select id, kind, template, customer_id, order_id, status, due_at, sent_at, last_error
  from outbound_mail;
