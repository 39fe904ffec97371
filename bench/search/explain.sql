-- The statements behind one page of customer or order search (CustomerSearch, with SearchQuery's
-- conditions; keep in step when those change), run with EXPLAIN (ANALYZE, BUFFERS) the way the app
-- runs them: a walk through the newest 2,000 rows by key, then, while the page (10 rows + 1 to
-- know there is more) is not full, GIN windows below as wide as the walk's share of matches says
-- (twice that; everything below when the walk matched none), widened eightfold each step. Prints,
-- per search, the statements run, the rows matched, the database time and the shared pages touched
-- (8 kB buffers, hit + read: they do not depend on how busy the machine is).
\pset pager off
\set ON_ERROR_STOP on

create function pg_temp.plan(statement text, out pages bigint, out hits bigint, out ms numeric)
    language plpgsql as $$
declare
    plan json;
begin
    execute 'explain (analyze, buffers, format json) ' || statement into plan;
    pages := (plan -> 0 -> 'Plan' ->> 'Shared Hit Blocks')::bigint + (plan -> 0 -> 'Plan' ->> 'Shared Read Blocks')::bigint;
    hits := (plan -> 0 -> 'Plan' ->> 'Actual Rows')::bigint;
    ms := (plan -> 0 ->> 'Execution Time')::numeric;
end $$;

-- kind: 'customers' or 'orders'; walk: the row test (SearchQuery.occursIn); indexed: the GIN
-- condition (SearchQuery.matches); both written for the alias of the searched table.
create function pg_temp.search(name text, kind text, walk text, indexed text,
                               out search text, out statements int, out matched bigint, out ms numeric, out pages bigint)
    language plpgsql as $$
declare
    wanted constant int := 11;
    recent constant int := 2000;
    tbl text := case kind when 'customers' then 'customer' else 'customer_order' end;
    upper bigint;
    floor bigint;
    width bigint;
    step record;
    page text;
begin
    search := name;
    page := case kind
        when 'customers' then
            'select c.*, last.placed_at as last_order_at, last.storefront as last_order_storefront'
            || ' from (select c.id, c.name, c.name_kana, c.email, c.phone from customer c where %s and c.id >= %s and c.id < %s order by %s desc limit %s) c'
            || ' left join lateral (select o.placed_at, s.name as storefront from customer_order o'
            || ' join storefront s on s.id = o.storefront_id where o.customer_id = c.id order by o.placed_at desc, o.id desc limit 1) last on true'
            || ' order by c.id desc'
        else
            'select o.id, o.order_number, o.status, o.placed_at, c.id as customer_id, c.name, s.name as storefront'
            || ' from (select o.id, o.order_number, o.status, o.placed_at, o.customer_id, o.storefront_id from customer_order o'
            || ' where %s and o.id >= %s and o.id < %s order by %s desc limit %s) o'
            || ' join customer c on c.id = o.customer_id join storefront s on s.id = o.storefront_id order by o.id desc'
        end;
    step := pg_temp.plan(format('select coalesce(max(id), 0) + 1 from %I', tbl));
    execute format('select coalesce(max(id), 0) + 1 from %I', tbl) into upper;
    statements := 1; matched := 0; ms := step.ms; pages := step.pages;
    floor := greatest(upper - recent, 0);
    step := pg_temp.plan(format(page, walk, floor, upper, case kind when 'customers' then 'c.id' else 'o.id' end, wanted));
    statements := statements + 1; matched := step.hits; ms := ms + step.ms; pages := pages + step.pages;
    if matched < wanted and floor > 0 then
        width := case when matched = 0 then floor else 2 * (wanted - matched) * (upper - floor) / matched end;
        upper := floor;
        while matched < wanted and upper > 0 loop
            floor := greatest(upper - width, 0);
            step := pg_temp.plan(format(page, indexed, floor, upper,
                                        case kind when 'customers' then 'c.id + 0' else 'o.id + 0' end, wanted - matched));
            statements := statements + 1; matched := matched + step.hits; ms := ms + step.ms; pages := pages + step.pages;
            upper := floor;
            width := width * 8;
        end loop;
    end if;
end $$;

select s.* from (values
    ('customers やまだ', 'customers', $$strpos(c.search_text, 'やまだ') > 0$$,
     $$search_grams(c.search_text) @> string_to_array('まだ やま', ' ') and strpos(c.search_text, 'やまだ') > 0$$),
    ('customers 山田 花子', 'customers', $$strpos(c.search_text, '山田') > 0 and strpos(c.search_text, '花子') > 0$$,
     $$search_grams(c.search_text) @> string_to_array('山田', ' ') and search_grams(c.search_text) @> string_to_array('花子', ' ')$$),
    ('customers 090-0000-1234', 'customers', $$strpos(c.search_text, '09000001234') > 0$$,
     $$search_grams(c.search_text) @> string_to_array('00 01 09 12 23 34 90', ' ') and strpos(c.search_text, '09000001234') > 0$$),
    ('customers bench-c1234@example.jp', 'customers', $$strpos(c.search_text, 'benchc1234@example.jp') > 0$$,
     $$search_grams(c.search_text) @> string_to_array('.j 12 23 34 4@ @e am be c1 ch e. ex le mp nc pl xa jp en', ' ') and strpos(c.search_text, 'benchc1234@example.jp') > 0$$),
    ('customers 配送 (no match)', 'customers', $$strpos(c.search_text, '配送') > 0$$,
     $$search_grams(c.search_text) @> string_to_array('配送', ' ')$$),
    ('orders b0001234', 'orders', $$strpos(o.search_text, 'b0001234') > 0$$,
     $$search_grams(o.search_text) @> string_to_array('00 01 12 23 34 b0', ' ') and strpos(o.search_text, 'b0001234') > 0$$),
    ('orders b00', 'orders', $$strpos(o.search_text, 'b00') > 0$$,
     $$search_grams(o.search_text) @> string_to_array('00 b0', ' ') and strpos(o.search_text, 'b00') > 0$$),
    ('orders 配送 (no match)', 'orders', $$strpos(o.search_text, '配送') > 0$$,
     $$search_grams(o.search_text) @> string_to_array('配送', ' ')$$)
) as t(name, kind, walk, indexed), lateral pg_temp.search(t.name, t.kind, t.walk, t.indexed) s;
