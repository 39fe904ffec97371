-- Search across customers, orders and inquiries (issue #3, section 3), Japanese first.
-- pg_trgm cannot use its index for the one- and two-character words Japanese is full of (配送,
-- 返品) and pg_bigm/PGroonga are not packaged, so the index is our own: every searchable row keeps
-- its text normalised (search_norm) in a generated column, search_text; its single characters and
-- character pairs (search_grams) go into a GIN expression index. A search asks for rows whose
-- grams contain all of the term's grams, then rechecks with strpos on search_text, so results are
-- exact. Generated columns and indexes change with their rows in the same transaction: never
-- stale, never half-written, and existing rows are indexed by this migration itself.
-- See docs/search.md.
--
-- SearchText in aftercare-domain normalises search terms the same way in Java; SearchIndexTest
-- keeps the two in step. Change both together, in a new migration that recomputes the columns.

-- NFKC (full-width letters and digits to ASCII, half-width katakana to full-width, ㈱ to (株)),
-- ASCII lower case (the "C" collation makes it the same under every database locale), katakana
-- folded to hiragana, and the separators people type inconsistently removed: control characters,
-- whitespace, hyphens and dashes, parentheses (090-1234-5678, 03(1234)5678, 山田 花子).
create function search_norm(t text) returns text
    language sql immutable strict parallel safe
as $$
    -- translate() scans its whole list for every character, so it only runs on text with katakana.
    select case when n ~ '[ァ-ヶヽヾ]' then translate(n, 'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヽヾ', 'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞ') else n end
      from regexp_replace(lower(normalize(t, NFKC) collate "C"),
                          '[\x01-\x20\x7f\u0085\u1680\u2028\u2029\u200b\ufeff\-\u2010\u2012-\u2015\u2212()]', '', 'g') as n
$$;

-- Every character and every pair of neighbouring characters of a normalised text, once each.
-- A newline separates fields (normalised text has none of its own), so no pair spans two fields.
-- Single characters let a one-character term (箱, 傷) use the index too.
-- The cost tells the planner the truth (a tenth of a millisecond or more per call): a plan that
-- recomputes the grams row by row, such as walking the primary key newest first and filtering, is
-- never cheaper than the GIN index, even when the planner expects a match on every few rows.
create function search_grams(normalized text) returns text[]
    language sql immutable strict parallel safe cost 5000
as $$
    -- Pairs as two passes of non-overlapping matches (from the first and from the second
    -- character): regular expressions walk the text once, where substr(t, i, 2) for each i is
    -- quadratic on multibyte text and a window over single characters twice as slow.
    select coalesce(array_agg(distinct g), '{}')
      from regexp_split_to_table(normalized, E'\n') as f,
           lateral (select regexp_split_to_table(f, '') as g
                    union all select (regexp_matches(f, '..', 'g'))[1]
                    union all select (regexp_matches(substr(f, 2), '..', 'g'))[1]) as s
     where g <> ''
$$;

-- One field per line, each normalised. "||" rather than concat_ws, which is not immutable.
alter table customer add column search_text text generated always as (
    coalesce(search_norm(name), '') || E'\n' || coalesce(search_norm(name_kana), '') || E'\n'
    || coalesce(search_norm(email), '') || E'\n' || coalesce(search_norm(phone), '')) stored;
alter table customer_order add column search_text text generated always as (search_norm(order_number)) stored;
alter table inquiry add column search_text text generated always as (
    search_norm(reference) || E'\n' || search_norm(subject)) stored;
alter table inquiry_message add column search_text text generated always as (search_norm(body)) stored;

-- SearchQuery writes exactly this expression, so the planner uses these indexes. New rows wait in
-- a GIN index's pending list, which every search reads in full until it is merged; a small list
-- (128 kB instead of 4 MB) keeps that read short while inserts are still merged in batches.
create index customer_search_idx on customer using gin (search_grams(search_text))
    with (gin_pending_list_limit = 128);
create index customer_order_search_idx on customer_order using gin (search_grams(search_text))
    with (gin_pending_list_limit = 128);
create index inquiry_search_idx on inquiry using gin (search_grams(search_text))
    with (gin_pending_list_limit = 128);
create index inquiry_message_search_idx on inquiry_message using gin (search_grams(search_text))
    with (gin_pending_list_limit = 128);
