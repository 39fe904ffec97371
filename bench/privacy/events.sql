-- About :events storefront events (inbound_event) for an erasure to search, as a shop of that size holds
-- them: two storefronts, :events / 9 customers, two orders each, four order events per order
-- (placed, paid, shipped, delivered) and one customer event (registered) per customer carrying the
-- person in its payload. The customer to erase, bench.erase@example.jp (山田 花子), is the last one:
-- two orders with their events, a storefront customer id, and a consent event by email.
insert into storefront (code, name) values ('bench-a', 'Bench A'), ('bench-b', 'Bench B');
insert into customer (email, email_normalized, name, name_kana, phone)
select 'c' || i || '@bench.example', 'c' || i || '@bench.example', '顧客 ' || i, 'コキャク', '090-1' || lpad(i::text, 7, '0')
  from generate_series(1, :events / 9) as i;
insert into customer (email, email_normalized, name, name_kana, phone)
values ('bench.erase@example.jp', 'bench.erase@example.jp', '山田 花子', 'ヤマダ ハナコ', '090-9999-0001');
insert into customer_external_id (customer_id, storefront_id, external_id)
select c.id, 1 + c.id % 2, 'cust-' || c.id from customer c;
insert into customer_order (storefront_id, order_number, customer_id, status, currency, subtotal_minor, total_minor,
                            ship_recipient_name, ship_address, placed_at)
select 1 + c.id % 2, 'B-' || c.id || '-' || k, c.id, 'DELIVERED', 'JPY', 4800, 5400, c.name, '東京都千代田区1-1',
       now() - make_interval(days => (c.id % 700)::int)
  from customer c, generate_series(1, 2) as k;
-- four order events per order; the payload is the size a storefront sends (lines, address, person)
insert into inbound_event (storefront_id, event_id, event_type, order_number, order_ref, body_sha256, payload,
                           occurred_at, received_at, applied_at, outcome)
select o.storefront_id, 'evt-' || o.id || '-' || t.n, t.type, o.order_number, 'ext-' || o.id,
       sha256(convert_to(o.id || '-' || t.n, 'UTF8')),
       jsonb_build_object('type', t.type, 'orderNumber', o.order_number,
                          'customer', jsonb_build_object('email', c.email, 'name', c.name, 'phone', c.phone),
                          'shipping', jsonb_build_object('name', c.name, 'postalCode', '100-0001',
                                                         'address', '東京都千代田区千代田1-1'),
                          'lines', jsonb_build_array(jsonb_build_object('sku', 'SKU-' || (o.id % 500), 'quantity', 1,
                                                                        'unitPrice', 4800))),
       o.placed_at, o.placed_at, o.placed_at, 'applied'
  from customer_order o join customer c on c.id = o.customer_id,
       (values (1, 'order.placed'), (2, 'order.paid'), (3, 'order.shipped'), (4, 'order.delivered')) as t (n, type);
insert into inbound_event (storefront_id, event_id, event_type, customer_ref, body_sha256, payload,
                           occurred_at, received_at, applied_at, outcome)
select 1 + c.id % 2, 'cevt-' || c.id, 'customer.registered', 'cust-' || c.id,
       sha256(convert_to('c' || c.id, 'UTF8')),
       jsonb_build_object('type', 'customer.registered',
                          'customer', jsonb_build_object('id', 'cust-' || c.id, 'email', c.email, 'name', c.name,
                                                         'kana', c.name_kana, 'phone', c.phone)),
       now(), now(), now(), 'applied'
  from customer c;
-- a consent change that names the person by email only, under no customer id the shop knows
insert into inbound_event (storefront_id, event_id, event_type, body_sha256, payload, occurred_at, received_at,
                           applied_at, outcome)
values (1, 'consent-erase', 'customer.consent', sha256(convert_to('consent-erase', 'UTF8')),
        '{"type": "customer.consent", "email": "bench.erase@example.jp", "consent": false}', now(), now(), now(),
        'applied');
vacuum analyze;
