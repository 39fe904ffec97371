-- Fills the customers and orders the console search reads up to :target customers
-- (psql -v target=500000 -f generate.sql), set-based, the way bench/inquiries/generate.sql makes
-- them (same names, kana, emails, phones and order numbers, so the figures compare with that
-- harness's: its 10k / 100k / 1M desks hold 5k / 50k / 500k customers): one order per customer,
-- alternating between two storefronts. It only adds what is missing, so 5k, then 50k, then 500k
-- grows one database. The search indexes (V11) are kept by PostgreSQL while rows go in.
\set ON_ERROR_STOP on
\timing on

select greatest(:target - count(*), 0) as todo, count(*) as have from customer \gset
\echo adding :todo customers to :have

begin;

create temp table vocab as select
    array['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤',
          '吉田','山田','佐々木','山口','松本','井上','木村','林','斎藤','清水'] as surname,
    array['サトウ','スズキ','タカハシ','タナカ','イトウ','ワタナベ','ヤマモト','ナカムラ','コバヤシ','カトウ',
          'ヨシダ','ヤマダ','ササキ','ヤマグチ','マツモト','イノウエ','キムラ','ハヤシ','サイトウ','シミズ'] as surname_kana,
    array['花子','太郎','一郎','恵子','健太','美咲','大輔','由美','翔太','陽子'] as given,
    array['ハナコ','タロウ','イチロウ','ケイコ','ケンタ','ミサキ','ダイスケ','ユミ','ショウタ','ヨウコ'] as given_kana;

insert into storefront (code, name)
select 'bench-shop', 'ベンチマーク店' where not exists (select 1 from storefront where code = 'bench-shop');
insert into storefront (code, name)
select 'bench-mall', 'ベンチマーク楽天市場店' where not exists (select 1 from storefront where code = 'bench-mall');

select coalesce(max(substring(email_normalized from 'bench-c([0-9]+)@')::bigint), 0) as c0
  from customer where email_normalized like 'bench-c%' \gset
select :c0 + :todo as c1 \gset

insert into customer (email, email_normalized, name, name_kana, phone, created_at, updated_at)
select 'bench-c' || g || '@example.jp', 'bench-c' || g || '@example.jp',
       v.surname[1 + g % 20] || ' ' || v.given[1 + (g / 20) % 10],
       v.surname_kana[1 + g % 20] || ' ' || v.given_kana[1 + (g / 20) % 10],
       '090-' || lpad((g / 10000 % 10000)::text, 4, '0') || '-' || lpad((g % 10000)::text, 4, '0'),
       now() - interval '730 days' * (1 - g::float8 / :c1), now()
  from generate_series(:c0 + 1, :c1) g, vocab v;

insert into customer_order (storefront_id, order_number, customer_id, status, currency, subtotal_minor,
                            total_minor, placed_at, delivered_at)
select (select id from storefront where code = case when c.id % 2 = 0 then 'bench-shop' else 'bench-mall' end),
       'B-' || lpad(substring(c.email_normalized from 'bench-c([0-9]+)@'), 7, '0'),
       c.id, 'DELIVERED', 'JPY', 1800 * (1 + c.id % 5), 1800 * (1 + c.id % 5) + 550, c.created_at, c.created_at + interval '2 days'
  from customer c
 where c.email_normalized like 'bench-c%'
   and substring(c.email_normalized from 'bench-c([0-9]+)@')::bigint > :c0;

commit;

-- What autovacuum would do after a bulk load: merge the GIN pending lists, fresh statistics.
vacuum analyze customer;
vacuum analyze customer_order;
select (select count(*) from customer) as customers, (select count(*) from customer_order) as orders;
