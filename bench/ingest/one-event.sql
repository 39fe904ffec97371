-- pgbench custom script: the SQL that ONE order.placed event writes, in ONE transaction, as
-- the app applies it (db/migration V1 + V2): the idempotency record, the customer upsert by
-- normalised email, the order with 3 lines, its history row, the durable domain event
-- (Spring Modulith's event_publication) and the "applied" mark on the inbound event.
-- One statement per row, as JPA with identity keys issues them (no multi-row inserts).
-- It leaves out what the app does on top: HTTP, JSON parsing/validation, the API-key lookup,
-- the dedup lookup, and the listener's later completion of event_publication.
--
-- Needs:   -D storefront_id=<id of an existing storefront row>
-- Run as:  pgbench -n -c 4 -j 2 -T 20 -f one-event.sql -D storefront_id=1 <db>
-- Uniqueness: every id/number/email carries :client_id plus a 62-bit random value, so
-- clients, threads and repeated runs on the same database do not collide.
\set n random(1, 4611686018427387903)
\set q2 random(1, 3)
begin;
insert into inbound_event (storefront_id, event_id, event_type, order_number, body_sha256, payload, occurred_at)
select :storefront_id, 'pgb-' || :client_id || '-' || :n, 'order.placed', 'P-' || :client_id || '-' || :n,
       sha256(convert_to(b, 'UTF8')), b::jsonb, timestamptz '2026-11-23 10:00:00+09'
from (select '{"id":"pgb-' || :client_id || '-' || :n || '","type":"order.placed","occurredAt":"2026-11-23T10:00:00+09:00","order":{"number":"P-' || :client_id || '-' || :n || '","currency":"JPY","paymentMethod":"credit_card","customer":{"externalId":"c-' || :client_id || '-' || :n || '","email":"pgb-' || :client_id || '-' || :n || '@example.jp","name":"山田 太郎","nameKana":"ヤマダ タロウ","phone":"090-1234-5678"},"lines":[{"sku":"TS-001","name":"Tシャツ オーガニックコットン 白 M","category":"apparel","quantity":1,"unitPrice":1800},{"sku":"MUG-02","name":"マグカップ 350ml 藍色","category":"kitchen","quantity":' || :q2 || ',"unitPrice":1200},{"sku":"BAG-03","name":"トートバッグ 帆布 生成り","category":"bags","quantity":1,"unitPrice":3500}],"shippingFee":600,"discount":0,"shipping":{"discreet":false,"recipientName":"山田 太郎","postalCode":"150-0001","prefecture":"東京都","address":"渋谷区神宮前1-2-3 アフターケアビル 4階","phone":"090-1234-5678"},"note":"ギフト包装なし。平日の午前中に配達希望。"}}'::text as b) s;
insert into customer (email, email_normalized, name, name_kana, phone)
values ('PGB-' || :client_id || '-' || :n || '@Example.jp', 'pgb-' || :client_id || '-' || :n || '@example.jp', '山田 太郎', 'ヤマダ タロウ', '090-1234-5678')
on conflict (email_normalized) do update
    set email = excluded.email, name = excluded.name, name_kana = excluded.name_kana, phone = excluded.phone,
        updated_at = now(), version = customer.version + 1
returning id as customer_id
\gset
insert into customer_order (storefront_id, order_number, customer_id, status, currency, subtotal_minor,
                            shipping_fee_minor, discount_minor, total_minor, payment_method, ship_recipient_name,
                            ship_postal_code, ship_prefecture, ship_address, ship_phone, discreet, placed_at)
values (:storefront_id, 'P-' || :client_id || '-' || :n, :customer_id, 'PLACED', 'JPY', 5300 + 1200 * :q2,
        600, 0, 5900 + 1200 * :q2, 'credit_card', '山田 太郎',
        '150-0001', '東京都', '渋谷区神宮前1-2-3 アフターケアビル 4階', '090-1234-5678', false, timestamptz '2026-11-23 10:00:00+09')
returning id as order_id
\gset
insert into order_line (order_id, line_no, sku, product_name, category, quantity, unit_price_minor)
values (:order_id, 1, 'TS-001', 'Tシャツ オーガニックコットン 白 M', 'apparel', 1, 1800);
insert into order_line (order_id, line_no, sku, product_name, category, quantity, unit_price_minor)
values (:order_id, 2, 'MUG-02', 'マグカップ 350ml 藍色', 'kitchen', :q2, 1200);
insert into order_line (order_id, line_no, sku, product_name, category, quantity, unit_price_minor)
values (:order_id, 3, 'BAG-03', 'トートバッグ 帆布 生成り', 'bags', 1, 3500);
insert into order_history (order_id, event_id, event_type, occurred_at, status_from, status_to)
values (:order_id, 'pgb-' || :client_id || '-' || :n, 'order.placed', timestamptz '2026-11-23 10:00:00+09', null, 'PLACED');
insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
values (gen_random_uuid(), 'com.aftercare.stepmail.StepMailEnrolment.on(com.aftercare.domain.order.OrderPlaced)',
        'com.aftercare.domain.order.OrderPlaced',
        '{"orderId":' || :order_id || ',"customerId":' || :customer_id || ',"storefrontId":' || :storefront_id || ',"orderNumber":"P-' || :client_id || '-' || :n || '","occurredAt":"2026-11-23T01:00:00Z"}',
        now(), 'PUBLISHED', 0);
update inbound_event set applied_at = now(), outcome = 'APPLIED'
where storefront_id = :storefront_id and event_id = 'pgb-' || :client_id || '-' || :n;
end;
