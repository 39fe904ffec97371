package com.aftercare.domain.search;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many of a table's rows hold each of its most common grams, as PostgreSQL's own statistics of
 * a search index say ({@code pg_stats.most_common_elems} of the index expression, which ANALYZE
 * and autovacuum keep). The pairs of an email or phone ({@code 09}, {@code @e}, {@code ex}) are in
 * nearly every row; asked for them, the GIN index reads posting lists as long as the table for no
 * narrowing at all (2,489 pages for one email at 500,000 customers, docs/benchmarks.md). {@link
 * SearchQuery#bind(JdbcClient, String, Map)} leaves them out. Read again every few minutes: the
 * statistics themselves change only when ANALYZE runs.
 */
@Component
public class CommonGrams {

    private static final Duration FRESH = Duration.ofMinutes(5);

    private record Read(Map<String, Double> shares, long at) {}

    private final JdbcClient jdbc;
    private final Map<String, Read> byIndex = new ConcurrentHashMap<>();

    CommonGrams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The share of rows (0 to 1) holding each common gram of {@code index} (an expression index on
     * {@code search_grams}); grams not listed are rarer than every listed one. Empty before the
     * table was first analysed.
     */
    public Map<String, Double> of(String index) {
        long now = System.nanoTime();
        Read read = byIndex.get(index);
        if (read == null || now - read.at() > FRESH.toNanos()) {
            read = new Read(load(index), now);
            byIndex.put(index, read);
        }
        return read.shares();
    }

    private Map<String, Double> load(String index) {
        Map<String, Double> shares = new HashMap<>();
        // most_common_elem_freqs has three more entries than the elements (minimum, maximum, nulls):
        // unnest pads the elements with nulls for those.
        jdbc.sql("select m.gram, m.share from pg_stats s,"
                        + " unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as m(gram, share)"
                        + " where s.schemaname = current_schema() and s.tablename = :index and m.gram is not null")
                .param("index", index)
                .query((RowCallbackHandler) rs -> shares.put(rs.getString("gram"), rs.getDouble("share")));
        return Map.copyOf(shares);
    }
}
