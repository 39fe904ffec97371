-- The statements behind the measured pages, as the app sends them (InquiryQueue, InquirySearch
-- with SearchQuery's conditions; keep in step when those change), run with
-- EXPLAIN (ANALYZE, BUFFERS): the database's own time and the pages it touched, which do not
-- depend on how busy the machine is. run.sh prints "-- name" before each plan.
\pset pager off
-- InquirySearch's first window: the newest 20,000 inquiry ids (enough for a common word's page).
select coalesce(max(id), 0) + 1 as upper, greatest(coalesce(max(id), 0) + 1 - 20000, 0) as floor from inquiry \gset

\echo '-- home summary'
explain (analyze, buffers)
select count(*) as active,
       count(*) filter (where not (i.status = 'WAITING_ON_CUSTOMER' and i.first_responded_at is not null)
                          and case when i.first_responded_at is null then i.first_response_due_at else i.resolution_due_at end <= now()) as overdue,
       count(*) filter (where not (i.status = 'WAITING_ON_CUSTOMER' and i.first_responded_at is not null)
                          and case when i.first_responded_at is null then i.first_response_due_at else i.resolution_due_at end > now()
                          and case when i.first_responded_at is null then i.first_response_due_at else i.resolution_due_at end <= now() + interval '1 hour') as due_soon,
       count(*) filter (where i.flagged) as flagged,
       count(*) filter (where i.assignee_operator_id is null) as unassigned,
       count(*) filter (where i.assignee_operator_id = (select id from operator where username = 'admin')) as mine
  from inquiry i
 where i.status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER');

\echo '-- queue'
explain (analyze, buffers)
select * from (
  select i.id, i.reference, i.subject, i.channel, i.category, i.priority, i.status, i.flagged,
         o.username as assignee, c.name as customer_name,
         case when i.flagged then 0 else 1 end as flag_order,
         case when i.first_responded_at is null then i.first_response_due_at else i.resolution_due_at end as due_at,
         case i.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end as priority_order
    from inquiry i join customer c on c.id = i.customer_id left join operator o on o.id = i.assignee_operator_id
   where i.status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')) q
 order by flag_order, due_at, priority_order, id limit 51;

\echo '-- inquiries 配送'
explain (analyze, buffers)
select i.id, i.reference, i.subject, i.status, i.channel, i.created_at, c.id as customer_id, c.name
  from (select id from ((select s.id from inquiry s where search_grams(s.search_text) @> string_to_array('配送', ' ') and s.id >= :floor and s.id < :upper
                         union select m.inquiry_id from inquiry_message m where search_grams(m.search_text) @> string_to_array('配送', ' ') and m.inquiry_id >= :floor and m.inquiry_id < :upper)) ids
         order by id desc limit 11) hit
  join inquiry i on i.id = hit.id join customer c on c.id = i.customer_id order by i.id desc;

\echo '-- inquiries 届'
explain (analyze, buffers)
select i.id, i.reference, i.subject, i.status, i.channel, i.created_at, c.id as customer_id, c.name
  from (select id from ((select s.id from inquiry s where search_grams(s.search_text) @> string_to_array('届', ' ') and s.id >= :floor and s.id < :upper
                         union select m.inquiry_id from inquiry_message m where search_grams(m.search_text) @> string_to_array('届', ' ') and m.inquiry_id >= :floor and m.inquiry_id < :upper)) ids
         order by id desc limit 11) hit
  join inquiry i on i.id = hit.id join customer c on c.id = i.customer_id order by i.id desc;

\echo '-- inquiries 色が違う'
explain (analyze, buffers)
select i.id, i.reference, i.subject, i.status, i.channel, i.created_at, c.id as customer_id, c.name
  from (select id from ((select s.id from inquiry s where search_grams(s.search_text) @> string_to_array('が違 色が 違う', ' ') and strpos(s.search_text, '色が違う') > 0 and s.id >= :floor and s.id < :upper
                         union select m.inquiry_id from inquiry_message m where search_grams(m.search_text) @> string_to_array('が違 色が 違う', ' ') and strpos(m.search_text, '色が違う') > 0 and m.inquiry_id >= :floor and m.inquiry_id < :upper)) ids
         order by id desc limit 11) hit
  join inquiry i on i.id = hit.id join customer c on c.id = i.customer_id order by i.id desc;

\echo '-- inquiries 返品 交換'
explain (analyze, buffers)
select i.id, i.reference, i.subject, i.status, i.channel, i.created_at, c.id as customer_id, c.name
  from (select id from ((select s.id from inquiry s where search_grams(s.search_text) @> string_to_array('返品', ' ') and s.id >= :floor and s.id < :upper
                         union select m.inquiry_id from inquiry_message m where search_grams(m.search_text) @> string_to_array('返品', ' ') and m.inquiry_id >= :floor and m.inquiry_id < :upper)
                        intersect
                        (select s.id from inquiry s where search_grams(s.search_text) @> string_to_array('交換', ' ') and s.id >= :floor and s.id < :upper
                         union select m.inquiry_id from inquiry_message m where search_grams(m.search_text) @> string_to_array('交換', ' ') and m.inquiry_id >= :floor and m.inquiry_id < :upper)) ids
         order by id desc limit 11) hit
  join inquiry i on i.id = hit.id join customer c on c.id = i.customer_id order by i.id desc;

-- Customer and order search send several statements for one page (a walk through the newest rows,
-- then index windows sized from it): bench/search/explain.sql replays them and sums their pages.
