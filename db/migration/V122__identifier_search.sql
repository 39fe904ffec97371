-- Customer and order search by identifiers that stays flat as the tables grow (issue #16 §4).
-- docs/search.md ("Identifiers") and docs/benchmarks.md have the why and the figures.
--
-- 1. Order numbers in order, for prefixes. A fragment only old orders share (B-00… when every
--    recent number is B-04…) is missed by the walk through the newest rows, and the GIN index
--    hands over every match to be sorted (100,000 orders, 6,785 pages at 500,000 orders). Read
--    from an ordered index instead, the prefix matches come one page at a time. "C" collation so
--    that every text starting with a prefix lies in one range of the index (byte order) under any
--    database locale; id as the second column for the keyset cursor of equal numbers (the same
--    number at two storefronts). The unique (storefront_id, order_number) index cannot serve:
--    it leads with the storefront, and holds the number as typed, not normalised.
create index customer_order_number_idx on customer_order ((search_text collate "C"), id);

-- 2. Groups of four characters of the ASCII runs in a text (emails, phones, order numbers, Latin
--    names), once each. Every pair of digits is in one customer in twenty or more, so an old phone,
--    email or order number read posting lists that grow with the table (211 pages at 500,000
--    customers for one phone, ×2.3 from 5,000). A group of four digits is in a few rows in a
--    thousand: its posting list stays a page or two. Only ASCII runs: a term of ASCII characters
--    always lies within one of them, and Japanese text needs no longer grams (its pairs are rare).
--    Lines are fields (search_text has one per line); no group spans two.
create function search_quads(normalized text) returns text[]
    language sql immutable strict parallel safe cost 5000
as $$
    -- Split at every character that is not printable ASCII (the newline between fields too);
    -- regexp_split_to_table walks the text once. (regexp_matches per line with a lateral series
    -- took 4 ms a row, 150 times as long.)
    select coalesce(array_agg(distinct substr(r, i, 4)), '{}')
      from regexp_split_to_table(normalized, '[^!-~]+') as r,
           lateral generate_series(1, length(r) - 3) as i
$$;

-- SearchQuery writes exactly this expression for a term of four ASCII characters or more. The
-- pending list kept small as V11's (every search reads it in full until it is merged).
create index customer_quads_idx on customer using gin (search_quads(search_text))
    with (gin_pending_list_limit = 128);
create index customer_order_quads_idx on customer_order using gin (search_quads(search_text))
    with (gin_pending_list_limit = 128);
