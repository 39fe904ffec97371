-- The coupon touch of the business view is a coupon *used* before the customer's first 180 days
-- ended (#15 §1): V66 and V119 took a coupon issued by then and redeemed at any time, so a welcome
-- coupon used in the second year counted as a touch of the first 180 days. coupon_redemption_view,
-- a domain read model, gives each use with its customer, storefront and time; customer_purchase is
-- rebuilt with the same columns, keys and indexes (only the coupon test changes), filled as it is
-- created.
drop materialized view customer_purchase;

create view coupon_redemption_view as
select r.id, r.coupon_id, k.customer_id, r.storefront_id, r.redeemed_at
  from coupon_redemption r
  join coupon k on k.id = r.coupon_id;

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
       -- sent by mail, on LINE, or by the mail that went when LINE did not take the text
       exists (select 1
                 from step_mail_view s
                 left join mail_delivery_view d on d.id = s.outbound_mail_id
                 left join line_notice_view l on l.push_id = s.line_push_id
                 left join mail_delivery_view f on f.id = l.fallback_mail_id
                where s.customer_id = c.customer_id
                  and (s.storefront_id is null or s.storefront_id = c.storefront_id)
                  and coalesce(case when d.status = 'SENT' then d.sent_at end,
                               case when l.push_status = 'SENT' then l.sent_at end,
                               case when f.status = 'SENT' then f.sent_at end)
                      >= c.first_order_at
                  and coalesce(case when d.status = 'SENT' then d.sent_at end,
                               case when l.push_status = 'SENT' then l.sent_at end,
                               case when f.status = 'SENT' then f.sent_at end)
                      < c.first_order_at + interval '180 days') as step_mail,
       -- used at this storefront before the 180 days ended (the use's own time, V120)
       exists (select 1
                 from coupon_redemption_view k
                where k.customer_id = c.customer_id
                  and k.storefront_id = c.storefront_id
                  and k.redeemed_at < c.first_order_at + interval '180 days') as coupon,
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
