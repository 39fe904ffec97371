-- The figures page's data at scale (psql -v customers=300000 -v orders=1000000 -f generate.sql), set-based,
-- into an empty, migrated database:
--   two storefronts (one customer in five buys at the second), :customers customers whose first
--   order is spread over two years; the other orders go to two customers in five (the repeaters),
--   spread evenly between their first order and now (never in the future); 3 % cancelled; one line per order, 50 products;
--   one inquiry per five customers (a third of them rated), one claim per fifty orders of the
--   repeaters' products, one sent step mail per three customers.
-- Coupons are not generated: their read model is probed per customer like the others.
\set ON_ERROR_STOP on
\timing on

begin;

insert into storefront (code, name) values ('bench-shop', 'ベンチマーク店'), ('bench-mall', 'ベンチマーク モール店')
on conflict do nothing;
select (select id from storefront where code = 'bench-shop') as shop, (select id from storefront where code = 'bench-mall') as mall \gset

insert into customer (email, email_normalized, name, created_at, updated_at)
select 'fig-c' || g || '@example.jp', 'fig-c' || g || '@example.jp', '顧客 ' || g,
       now() - interval '730 days' * (1 - g::float8 / :customers), now()
  from generate_series(1, :customers) g;

create temp table bench_customer as
select id, row_number() over (order by id) as n, created_at from customer where email_normalized like 'fig-c%';
create index on bench_customer (n);

-- first orders: one per customer, at its creation
insert into customer_order (storefront_id, order_number, customer_id, status, currency, subtotal_minor,
                            total_minor, placed_at, delivered_at)
select case when c.n % 5 = 0 then :mall else :shop end, 'F-' || c.n, c.id,
       case when c.n % 33 = 0 then 'CANCELLED' else 'DELIVERED' end, 'JPY',
       1800 * (1 + c.n % 5), 1800 * (1 + c.n % 5) + 550, c.created_at, c.created_at + interval '2 days'
  from bench_customer c;

-- the other orders: to the repeaters (two customers in five), spread evenly between their first order and now
insert into customer_order (storefront_id, order_number, customer_id, status, currency, subtotal_minor,
                            total_minor, placed_at, delivered_at)
select case when c.n % 5 = 0 then :mall else :shop end, 'R-' || g, c.id,
       case when g % 33 = 0 then 'CANCELLED' else 'DELIVERED' end, 'JPY',
       1800 * (1 + g % 5), 1800 * (1 + g % 5) + 550, p.at, p.at + interval '2 days'
  from generate_series(1::bigint, :orders - :customers) g
  join bench_customer c on c.n = 1 + (g * 7919) % (:customers * 2 / 5) * 5 / 2
 cross join lateral (select c.created_at + (now() - interval '1 hour' - c.created_at) * ((g * 31 % 1000) / 1000.0) as at) p;

insert into order_line (order_id, line_no, sku, product_name, category, quantity, unit_price_minor)
select o.id, 1, 'FIG-' || (o.id % 50), '商品 ' || (o.id % 50), 'cat-' || (o.id % 5), 1, o.subtotal_minor
  from customer_order o join bench_customer c on c.id = o.customer_id;

-- inquiries: one per five customers, 30 days after their first order, first response after 0.5 to 100 hours
insert into inquiry (reference, channel, status, category, priority, customer_id, storefront_id, subject,
                     first_response_due_at, resolution_due_at, first_responded_at, resolved_at,
                     flagged, created_at, updated_at)
select 'INQ-2026-' || lpad(nextval('inquiry_reference_seq')::text, 7, '0'), 'EMAIL', 'RESOLVED', 'OTHER', 'NORMAL',
       c.id, case when c.n % 5 = 0 then :mall else :shop end, '質問',
       c.created_at + interval '30 days 4 hours', c.created_at + interval '33 days',
       c.created_at + interval '30 days' + interval '30 minutes' * (1 + c.n % 200),
       c.created_at + interval '32 days', false, c.created_at + interval '30 days', c.created_at + interval '30 days'
  from bench_customer c
 where c.n % 5 = 1 and c.created_at + interval '32 days' < now();

insert into inquiry_satisfaction (inquiry_id, score, answered_at)
select i.id, 1 + i.id % 5, i.resolved_at from inquiry i join bench_customer c on c.id = i.customer_id where i.id % 3 = 0;

-- claims: one per fifty orders of the repeaters, a week after the order
insert into claim (rma, type, reason, status, storefront_id, order_id, customer_id, channel, eligibility_reason,
                   requested_at, created_at, updated_at)
select 'RMA-2026-' || lpad(o.id::text, 8, '0'), 'RETURN',
       (array['SIZE', 'COLOR_DIFFERS', 'NOT_AS_EXPECTED', 'DEFECTIVE', 'DAMAGED_IN_TRANSIT'])[1 + o.id % 5],
       'REQUESTED', o.storefront_id, o.id, o.customer_id, 'PORTAL', 'bench',
       o.placed_at + interval '7 days', o.placed_at + interval '7 days', o.placed_at + interval '7 days'
  from customer_order o
 where o.order_number like 'R-%' and o.id % 50 = 0 and o.placed_at + interval '7 days' < now();

insert into claim_line (claim_id, order_line_no, sku, product_name, category, quantity, unit_price_yen)
select x.id, 1, l.sku, l.product_name, l.category, 1, l.unit_price_minor
  from claim x join order_line l on l.order_id = x.order_id and l.line_no = 1
 where x.rma like 'RMA-2026-%';

-- step mail: one sent mail per three customers, 10 days after their first order
create temp table bench_mail as
select c.id as customer_id, c.n, c.created_at + interval '10 days' as sent_at, o.id as order_id
  from bench_customer c
  join customer_order o on o.order_number = 'F-' || c.n
 where c.n % 3 = 0 and c.created_at + interval '10 days' < now();

insert into enrolment (scenario_id, customer_id, order_id, triggered_at, storefront_id)
select (select id from scenario where code = 'after-delivery'), m.customer_id, m.order_id, m.sent_at,
       case when m.n % 5 = 0 then :mall else :shop end
  from bench_mail m;

insert into outbound_mail (dedup_key, kind, template, customer_id, order_id, to_address, subject, text_body,
                           status, due_at, sent_at)
select 'bench-step:' || m.n, 'TRANSACTIONAL', 'arrival-check', m.customer_id, m.order_id,
       'fig-c' || m.n || '@example.jp', '商品は届きましたか', '本文', 'SENT', m.sent_at, m.sent_at
  from bench_mail m;

insert into step_mail (enrolment_id, step_id, due_at, status, outbound_mail_id)
select e.id, (select s.id from scenario_step s join scenario sc on sc.id = s.scenario_id
               where sc.code = 'after-delivery' order by s.position limit 1),
       m.sent_at, 'ENQUEUED', om.id
  from bench_mail m
  join enrolment e on e.order_id = m.order_id
  join outbound_mail om on om.dedup_key = 'bench-step:' || m.n;

commit;

vacuum analyze customer;
vacuum analyze customer_order;
vacuum analyze order_line;
vacuum analyze inquiry;
vacuum analyze inquiry_satisfaction;
vacuum analyze claim;
vacuum analyze claim_line;
vacuum analyze enrolment;
vacuum analyze step_mail;
vacuum analyze outbound_mail;
select (select count(*) from customer) as customers, (select count(*) from customer_order) as orders,
       (select count(*) from inquiry) as inquiries, (select count(*) from claim) as claims,
       (select count(*) from step_mail) as step_mails;
