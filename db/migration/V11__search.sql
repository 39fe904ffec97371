-- Search across customers, orders and inquiries (issue #3, section 3), Japanese first.
-- pg_trgm cannot use its index for the one- and two-character words Japanese is full of (配送,
-- 返品) and pg_bigm/PGroonga are not packaged, so the index is our own: every searchable text is
-- normalised (search_norm), cut into its single characters and character pairs (search_grams),
-- and those go into GIN expression indexes. A search asks for rows whose grams contain all of the
-- term's grams, then rechecks the normalised text, so results are exact. Expression indexes
-- change with their rows in the same transaction: never stale, never half-written, and existing
-- rows are indexed by the CREATE INDEX itself. See docs/search.md.
--
-- SearchText in aftercare-domain normalises search terms the same way in Java; SearchTextAgreementTest
-- keeps the two in step. Change both together (in a new migration that recreates the indexes).

-- NFKC (full-width letters and digits to ASCII, half-width katakana to full-width, ㈱ to (株)),
-- ASCII lower case (the "C" collation makes it the same under every database locale), katakana
-- folded to hiragana, and the separators people type inconsistently removed: control characters,
-- whitespace, hyphens and dashes, parentheses (090-1234-5678, 03(1234)5678, 山田 花子).
create function search_norm(t text) returns text
    language sql immutable strict parallel safe
as $$
    select translate(lower(normalize(t, NFKC) collate "C"),
                     U&'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヽヾ\0001\0002\0003\0004\0005\0006\0007\0008\0009\000A\000B\000C\000D\000E\000F\0010\0011\0012\0013\0014\0015\0016\0017\0018\0019\001A\001B\001C\001D\001E\001F\007F\0085\1680\2028\2029\200B\FEFF\0020\002D\2010\2012\2013\2014\2015\2212\0028\0029',
                     U&'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖゝゞ')
$$;

-- Every character and every pair of neighbouring characters of each field, normalised, once.
-- Pairs never span two fields. Single characters let a one-character term (箱, 傷) use the index.
create function search_grams(variadic fields text[]) returns text[]
    language sql immutable strict parallel safe
as $$
    -- regexp_split_to_table and lead() walk the text once; substr(n, i, 2) for each i would be
    -- quadratic on multibyte text (a 20,000-character message took seconds).
    select coalesce(array_agg(distinct g), '{}')
      from (select c, lead(c) over (partition by fn order by cn) as next
              from unnest(fields) with ordinality as f(field, fn),
                   lateral regexp_split_to_table(search_norm(f.field), '') with ordinality as t(c, cn)) s,
           lateral (values (c), (c || next)) as v(g)
     where g <> ''
$$;

-- The exact check behind the index: every (normalised) term occurs in one of the fields.
create function search_matches(terms text[], variadic fields text[]) returns boolean
    language sql immutable strict parallel safe
as $$
    select coalesce(bool_and(exists (select 1 from unnest(fields) f where strpos(search_norm(f), t) > 0)), false)
      from unnest(terms) t
$$;

-- The queries in CustomerSearch, OrderSearch and InquirySearch repeat these expressions exactly,
-- so the planner can use the indexes.
create index customer_search_idx on customer using gin (search_grams(name, name_kana, email, phone));
create index customer_order_search_idx on customer_order using gin (search_grams(order_number));
create index inquiry_search_idx on inquiry using gin (search_grams(reference, subject));
create index inquiry_message_search_idx on inquiry_message using gin (search_grams(body));
