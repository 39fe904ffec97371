-- The business view (figures page): repeat purchases, time to the second purchase, LTV by
-- first-purchase month, and how customers touched by step mail, coupons, claims and inquiries
-- compare with the others (docs/figures.md).
--
-- Three feature modules publish a read model of their own, as the domain does (V31): the columns
-- are the contract, nobody writes through them, and the figures learn nothing else of their rows.

-- returns: one row per claim, without the customer's words or bank account
create view claim_view as
select id, storefront_id, order_id, customer_id, type, reason, status, requested_at, resolved_at
  from claim;

-- inquiry: one row per inquiry, without subject or messages
create view inquiry_view as
select id, storefront_id, order_id, customer_id, channel, category, status, created_at, first_responded_at,
       resolved_at
  from inquiry;

-- stepmail: one row per step mail, with the customer and storefront of its enrolment and the
-- outbox mail it became (mail_delivery_view says whether and when it was sent)
create view step_mail_view as
select m.id, e.customer_id, e.storefront_id, m.status, m.due_at, m.outbound_mail_id
  from step_mail m
  join enrolment e on e.id = m.enrolment_id;

-- web (the figures page): one row per customer and storefront that bought there, computed from
-- the read models only. Materialised because at a million orders the window functions below take
-- seconds; FiguresRefresh refreshes it CONCURRENTLY (writers never wait) on a schedule, and the
-- page says "as of" from figures_refresh. All durations are exact: a "month" after the first
-- purchase is 30 days, so nothing here depends on the shop's time zone (the page groups the
-- first-purchase months in that zone when it reads).
--   first_order_at, second_order_at: the first two orders that were not cancelled (JPY)
--   revenue_by_month[k]: yen of the orders placed in [first + 30(k-1) days, first + 30k days)
--   step_mail, coupon, claim, inquiry: touched within the first 180 days as a customer
create materialized view customer_purchase as
with bought as (
    select storefront_id, customer_id, id, placed_at, total_minor,
           row_number() over w as n,
           first_value(placed_at) over w as first_at
      from order_view
     where status <> 'CANCELLED' and currency = 'JPY'
    window w as (partition by storefront_id, customer_id order by placed_at, id)
), months as (
    select storefront_id, customer_id, first_at, placed_at, n, total_minor,
           floor(extract(epoch from placed_at - first_at) / (30 * 86400))::int as month_no
      from bought
), customers as (
    select storefront_id, customer_id, first_at as first_order_at,
           min(placed_at) filter (where n = 2) as second_order_at,
           count(*) as orders,
           array[
               coalesce(sum(total_minor) filter (where month_no = 0), 0),
               coalesce(sum(total_minor) filter (where month_no = 1), 0),
               coalesce(sum(total_minor) filter (where month_no = 2), 0),
               coalesce(sum(total_minor) filter (where month_no = 3), 0),
               coalesce(sum(total_minor) filter (where month_no = 4), 0),
               coalesce(sum(total_minor) filter (where month_no = 5), 0),
               coalesce(sum(total_minor) filter (where month_no = 6), 0),
               coalesce(sum(total_minor) filter (where month_no = 7), 0),
               coalesce(sum(total_minor) filter (where month_no = 8), 0),
               coalesce(sum(total_minor) filter (where month_no = 9), 0),
               coalesce(sum(total_minor) filter (where month_no = 10), 0),
               coalesce(sum(total_minor) filter (where month_no = 11), 0)
           ]::bigint[] as revenue_by_month
      from months
     group by storefront_id, customer_id, first_at
)
select c.storefront_id, c.customer_id, c.first_order_at, c.second_order_at, c.orders, c.revenue_by_month,
       exists (select 1
                 from step_mail_view s
                 join mail_delivery_view d on d.id = s.outbound_mail_id
                where s.customer_id = c.customer_id
                  and (s.storefront_id is null or s.storefront_id = c.storefront_id)
                  and d.status = 'SENT'
                  and d.sent_at >= c.first_order_at and d.sent_at < c.first_order_at + interval '180 days') as step_mail,
       exists (select 1
                 from coupon_view k
                where k.customer_id = c.customer_id
                  and (k.storefront_id is null or k.storefront_id = c.storefront_id)
                  and k.redemptions > 0
                  and k.issued_at < c.first_order_at + interval '180 days') as coupon,
       exists (select 1
                 from claim_view x
                where x.customer_id = c.customer_id and x.storefront_id = c.storefront_id
                  and x.requested_at >= c.first_order_at
                  and x.requested_at < c.first_order_at + interval '180 days') as claim,
       exists (select 1
                 from inquiry_view i
                where i.customer_id = c.customer_id
                  and (i.storefront_id is null or i.storefront_id = c.storefront_id)
                  and i.created_at >= c.first_order_at
                  and i.created_at < c.first_order_at + interval '180 days') as inquiry
  from customers c;

-- REFRESH … CONCURRENTLY needs a unique index over every row
create unique index customer_purchase_key on customer_purchase (storefront_id, customer_id);
create index customer_purchase_first_idx on customer_purchase (first_order_at);
create index customer_purchase_storefront_first_idx on customer_purchase (storefront_id, first_order_at);

-- When each materialised figure was last refreshed (the page's "as of").
create table figures_refresh (
    name         text        primary key,
    refreshed_at timestamptz not null
);
insert into figures_refresh (name, refreshed_at) values ('customer_purchase', now());
