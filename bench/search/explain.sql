-- The statements behind one page of customer or order search (CustomerSearch, with SearchQuery's
-- conditions; keep in step when those change), run with EXPLAIN (ANALYZE, BUFFERS) the way the app
-- runs them: for an order search that looks like an identifier, the orders whose number starts
-- with it (V122's ordered index); then a walk through the newest 2,000 rows by key, then, while
-- the page (10 rows + 1 to know there is more) is not full, GIN windows below as wide as the
-- walk's share of matches says (twice that; everything below when the walk matched none),
-- widened eightfold each step. Prints,
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

-- The grams SearchQuery.indexGrams and indexQuads ask an index for: the rarest 4 of those fewer
-- than :common of the rows hold by the index's statistics (CommonGrams), or the rarest one when
-- all are that common.
create function pg_temp.rarest(grams text[], idx text, common numeric) returns text[]
    language sql as $$
    with shares as (
        select g, coalesce((select m.share from pg_stats s,
                                   unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as m(gram, share)
                             where s.schemaname = current_schema() and s.tablename = idx and m.gram = g), 0) as share
          from (select distinct unnest(grams) as g) t),
    narrowing as (select g from shares where share < common order by share, g collate "C" limit 4)
    select case when exists (select 1 from narrowing) then (select array_agg(g) from narrowing)
                else (select array_agg(g) from (select g from shares order by share, g collate "C" limit 1) r) end
$$;

-- For one normalised term: its pairs (the character itself for one character), under half the
-- rows (SearchQuery.COMMON)...
create function pg_temp.index_grams(term text, idx text) returns text[]
    language sql as $$
    select pg_temp.rarest(array(select term where length(term) = 1
                                union all select substr(term, i, 2) from generate_series(1, length(term) - 1) i),
                          idx, 0.5)
$$;

-- ...or, for a term of four printable ASCII characters or more (SearchQuery.quadable), its groups
-- of four in V122's index, under one row in twenty (SearchQuery.COMMON_QUAD).
create function pg_temp.index_quads(term text, idx text) returns text[]
    language sql as $$
    select pg_temp.rarest(array(select substr(term, i, 4) from generate_series(1, length(term) - 3) i), idx, 0.05)
$$;

-- kind: 'customers' or 'orders'; terms: the normalised words (SearchText.normalize). The walk tests
-- each row with strpos (SearchQuery.occursIn); the index windows use SearchQuery.matchesWithQuads
-- with the grams above (the groups of four for a term of four ASCII characters or more). An order
-- search for one identifier (SearchQuery.identifier: printable ASCII with a digit or @) first reads
-- the orders whose number starts with it from V122's ordered index (CustomerSearch.ordersByNumber),
-- and only if the page is not full the rest as above, leaving those out.
create function pg_temp.search(name text, kind text, terms text[],
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
    alias text := case kind when 'customers' then 'c' else 'o' end;
    walk text;
    indexed text;
    identifier text := case when cardinality(terms) = 1 and terms[1] ~ '^[!-~]+$' and terms[1] ~ '[0-9@]'
                            then terms[1] end;
    not_by_number text := '';
    walked bigint;
begin
    search := name;
    select string_agg(format('strpos(%s.search_text, %L) > 0', alias, t), ' and '),
           string_agg(case when length(t) >= 4 and t ~ '^[!-~]+$'
                           then format('search_quads(%s.search_text) @> %L::text[]', alias, pg_temp.index_quads(t, tbl || '_quads_idx'))
                           else format('search_grams(%s.search_text) @> %L::text[]', alias, pg_temp.index_grams(t, tbl || '_search_idx')) end
                      || case when length(t) > 2 then format(' and strpos(%s.search_text, %L) > 0', alias, t) else '' end, ' and ')
      into walk, indexed
      from unnest(terms) t;
    statements := 0; matched := 0; ms := 0; pages := 0;
    if kind = 'orders' and identifier is not null then
        -- CustomerSearch.prefixEnd: the last character one higher
        not_by_number := format('(o.search_text collate "C") >= %L and (o.search_text collate "C") < %L',
                                identifier, left(identifier, -1) || chr(ascii(right(identifier, 1)) + 1));
        step := pg_temp.plan(format(
            'select o.id, o.order_number, o.status, o.placed_at, c.id as customer_id, c.name, s.name as storefront'
            || ' from (select o.id, o.order_number, o.status, o.placed_at, o.customer_id, o.storefront_id, o.search_text'
            || ' from customer_order o where %s order by (o.search_text collate "C") desc, o.id desc limit %s) o'
            || ' join customer c on c.id = o.customer_id join storefront s on s.id = o.storefront_id'
            || ' order by (o.search_text collate "C") desc, o.id desc', not_by_number, wanted));
        statements := 1; matched := step.hits; ms := step.ms; pages := step.pages;
        if matched >= wanted then
            return;
        end if;
        not_by_number := ' and not (' || not_by_number || ')';
        walk := walk || not_by_number;
        indexed := indexed || not_by_number;
    end if;
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
    statements := statements + 1; ms := ms + step.ms; pages := pages + step.pages;
    floor := greatest(upper - recent, 0);
    step := pg_temp.plan(format(page, walk, floor, upper, case kind when 'customers' then 'c.id' else 'o.id' end, wanted - matched));
    statements := statements + 1; matched := matched + step.hits; ms := ms + step.ms; pages := pages + step.pages;
    walked := step.hits;
    if matched < wanted and floor > 0 then
        width := case when walked = 0 then floor else 2 * (wanted - matched) * (upper - floor) / walked end;
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
    ('customers やまだ', 'customers', array['やまだ']),
    ('customers 山田 花子', 'customers', array['山田', '花子']),
    ('customers 090-0000-1234', 'customers', array['09000001234']),
    ('customers bench-c1234@example.jp', 'customers', array['benchc1234@example.jp']),
    ('customers 配送 (no match)', 'customers', array['配送']),
    ('orders b0001234', 'orders', array['b0001234']),
    ('orders b00', 'orders', array['b00']),
    ('orders 配送 (no match)', 'orders', array['配送'])
) as t(name, kind, terms), lateral pg_temp.search(t.name, t.kind, t.terms) s;
