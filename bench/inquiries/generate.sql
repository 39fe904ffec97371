-- Fills the inquiry desk up to :target inquiries (psql -v target=1000000 -f generate.sql), set-based:
-- one customer and one order for every two inquiries, three messages per inquiry (the customer's
-- question, the operator's answer, the customer's reply), Japanese text drawn from the vocabulary
-- below. It only adds what is missing, so 10k, then 100k, then 1M grows one database.
-- About one inquiry in ten is open work (NEW, OPEN, WAITING_ON_CUSTOMER) and one in a hundred
-- flagged; creation times spread over two years, due times around now (some overdue).
-- The search indexes (V11) are kept by PostgreSQL while rows go in, as in production.
\set ON_ERROR_STOP on
\timing on

select greatest(:target - count(*), 0) as todo, count(*) as have from inquiry \gset
\echo adding :todo inquiries to :have

begin;

create temp table vocab as select
    array['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤',
          '吉田','山田','佐々木','山口','松本','井上','木村','林','斎藤','清水'] as surname,
    array['サトウ','スズキ','タカハシ','タナカ','イトウ','ワタナベ','ヤマモト','ナカムラ','コバヤシ','カトウ',
          'ヨシダ','ヤマダ','ササキ','ヤマグチ','マツモト','イノウエ','キムラ','ハヤシ','サイトウ','シミズ'] as surname_kana,
    array['花子','太郎','一郎','恵子','健太','美咲','大輔','由美','翔太','陽子'] as given,
    array['ハナコ','タロウ','イチロウ','ケイコ','ケンタ','ミサキ','ダイスケ','ユミ','ショウタ','ヨウコ'] as given_kana,
    array['商品が届きません','返品について','交換をお願いしたい','配送日時を変更したい','注文をキャンセルしたい',
          '支払い方法について','領収書の発行','商品が破損していました','サイズが合いません','色が違います',
          'ポイントについて','クーポンが使えません','在庫の確認','ギフト包装について','会員登録について',
          '保証について','修理の依頼','請求金額が違う','配送先の変更','お礼'] as subject,
    array['いつもご利用ありがとうございます。','先日注文した商品がまだ届いていません。','配送状況を教えてください。',
          '箱が潰れていて中の商品に傷がありました。','返品の手続きを教えてください。','サイズを一つ大きいものに交換できますか。',
          '写真と色が違うように見えます。','代金引換で支払いたいのですが可能でしょうか。','領収書を宛名付きで発行してください。',
          '届け先を実家に変更したいです。','急ぎで必要なので、早めの発送をお願いします。','ポイントが反映されていません。',
          'クーポンコードを入力してもエラーになります。','在庫が復活したら連絡がほしいです。','プレゼント用に包装をお願いできますか。',
          '保証期間について確認させてください。','電源が入らなくなりました。修理をお願いします。','請求額が注文時の金額と違います。',
          '丁寧な対応ありがとうございました。','またよろしくお願いいたします。','ご確認のほど、よろしくお願いいたします。',
          'お手数をおかけしますが、ご対応をお願いします。','商品はとても気に入っています。','子供の誕生日に間に合わせたいです。',
          '不在票が入っていましたが、再配達の方法がわかりません。','注文番号は控えていません。','同じ商品をもう一つ追加できますか。',
          'メールが迷惑メールフォルダに入っていました。','説明書が入っていませんでした。','配送業者を指定できますか。'] as sentence,
    array['お問い合わせありがとうございます。','ご不便をおかけして申し訳ございません。','確認のうえ、改めてご連絡いたします。',
          '本日発送の手配をいたしました。','返品用の伝票をお送りします。','交換品を手配いたしました。',
          '引き続きよろしくお願いいたします。','担当：カスタマーサポート'] as reply;

insert into storefront (code, name)
select 'bench-shop', 'ベンチマーク店' where not exists (select 1 from storefront where code = 'bench-shop');

-- Customers and orders: numbered on from what is there, one of each per two new inquiries.
select coalesce(max(substring(email_normalized from 'bench-c([0-9]+)@')::bigint), 0) as c0
  from customer where email_normalized like 'bench-c%' \gset
select :c0 + (:todo + 1) / 2 as c1 \gset

insert into customer (email, email_normalized, name, name_kana, phone, created_at, updated_at)
select 'bench-c' || g || '@example.jp', 'bench-c' || g || '@example.jp',
       v.surname[1 + g % 20] || ' ' || v.given[1 + (g / 20) % 10],
       v.surname_kana[1 + g % 20] || ' ' || v.given_kana[1 + (g / 20) % 10],
       '090-' || lpad((g / 10000 % 10000)::text, 4, '0') || '-' || lpad((g % 10000)::text, 4, '0'),
       now() - interval '730 days' * (1 - g::float8 / :c1), now()
  from generate_series(:c0 + 1, :c1) g, vocab v;

insert into customer_order (storefront_id, order_number, customer_id, status, currency, subtotal_minor,
                            total_minor, placed_at, delivered_at)
select (select id from storefront where code = 'bench-shop'), 'B-' || lpad(substring(c.email_normalized from 'bench-c([0-9]+)@'), 7, '0'),
       c.id, 'DELIVERED', 'JPY', 1800 * (1 + c.id % 5), 1800 * (1 + c.id % 5) + 550, c.created_at, c.created_at + interval '2 days'
  from customer c
 where c.email_normalized like 'bench-c%'
   and substring(c.email_normalized from 'bench-c([0-9]+)@')::bigint > :c0;

create temp table new_customer as
select c.id as customer_id, o.id as order_id, row_number() over (order by c.id) - 1 as n
  from customer c join customer_order o on o.customer_id = c.id
 where c.email_normalized like 'bench-c%' and substring(c.email_normalized from 'bench-c([0-9]+)@')::bigint > :c0;

select coalesce(max(id), 0) as i0 from inquiry \gset

insert into inquiry (reference, channel, status, category, priority, customer_id, order_id, subject,
                     first_response_due_at, resolution_due_at, first_responded_at, resolved_at, closed_at,
                     flagged, flag_reason, created_at, updated_at)
select 'INQ-2026-' || lpad(nextval('inquiry_reference_seq')::text, 7, '0'),
       (array['EMAIL','EMAIL','EMAIL','WEB_FORM','WEB_FORM','PHONE','CHAT','VISIT'])[1 + g % 8],
       s.status,
       (array['SHIPPING','PRODUCT','RETURN','PAYMENT','OTHER'])[1 + g % 5],
       (array['NORMAL','NORMAL','NORMAL','HIGH','LOW','URGENT'])[1 + g % 6],
       nc.customer_id, case when g % 3 = 0 then null else nc.order_id end,
       v.subject[1 + (g * 7) % 20] || case when g % 4 = 0 then '（至急）' else '' end,
       s.created + interval '4 hours', s.created + interval '3 days',
       case when s.status in ('NEW') then null else s.created + interval '1 hour' end,
       case when s.status in ('RESOLVED', 'CLOSED') then s.created + interval '1 day' end,
       case when s.status = 'CLOSED' then s.created + interval '8 days' end,
       g % 100 = 0, case when g % 100 = 0 then 'bench' end,
       s.created, s.created
  from generate_series(1, :todo) g
  cross join vocab v
  join new_customer nc on nc.n = (g - 1) / 2
  cross join lateral (select
        case when g % 10 <> 0 then (array['RESOLVED','CLOSED'])[1 + g % 2]
             else (array['NEW','OPEN','WAITING_ON_CUSTOMER'])[1 + (g / 10) % 3] end as status,
        -- Open work is recent (the last two days, some of it overdue); the rest spreads over two years.
        case when g % 10 = 0 then now() - interval '48 hours' * random()
             else now() - interval '730 days' * random() end as created) s;

insert into inquiry_message (inquiry_id, direction, author, body, channel, created_at)
select i.id,
       (array['INBOUND','OUTBOUND','INBOUND'])[k],
       case when k = 2 then 'operator' else 'customer' end,
       case when k = 2
            then v.reply[1 + (i.id * 3) % 8] || v.reply[1 + (i.id * 5 + 1) % 8] || v.reply[8]
            else v.sentence[1 + (i.id * 7 + k) % 30] || v.sentence[1 + (i.id * 11 + k * 3) % 30]
                 || v.sentence[1 + (i.id * 13 + k * 5) % 30] || case when i.id % 7 = 0 then '注文番号は B-' || lpad((i.id % 9999999)::text, 7, '0') || ' です。' else '' end
       end,
       i.channel, i.created_at + (k - 1) * interval '2 hours'
  from inquiry i cross join generate_series(1, 3) k cross join vocab v
 where i.id > :i0;

commit;

-- What autovacuum would do after a bulk load: merge the GIN pending lists, fresh statistics.
vacuum analyze customer;
vacuum analyze customer_order;
vacuum analyze inquiry;
vacuum analyze inquiry_message;
select (select count(*) from customer) as customers, (select count(*) from customer_order) as orders,
       (select count(*) from inquiry) as inquiries, (select count(*) from inquiry_message) as messages;
