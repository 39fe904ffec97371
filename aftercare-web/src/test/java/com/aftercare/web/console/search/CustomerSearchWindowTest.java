package com.aftercare.web.console.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.search.CustomerSearch;
import com.aftercare.domain.search.SearchPage;
import com.aftercare.domain.search.SearchQuery;
import com.aftercare.web.support.AftercareIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer and order search read the newest rows first and the index below them only as far as a
 * page needs (CustomerSearch). On real PostgreSQL, with more rows than the walk through the newest
 * ones covers: a match older than all of them is still found, and paging yields every match
 * newest first, none twice, none left out, exactly what the plain SQL condition says. Each test
 * writes in a transaction it rolls back, so the thousands of rows leave nothing behind.
 */
@AftercareIntegrationTest
class CustomerSearchWindowTest {

    /** More newer rows than the walk reads, so an older match needs the index below the walk. */
    private static final int NEWER = CustomerSearch.RECENT_ROWS + 700;

    @Autowired
    CustomerSearch search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldFindAnExactMatchOlderThanTheNewestRowsItWalks() {
        String rare = ConsoleSearchTest.kanji(3);
        inRolledBackTransaction(() -> {
            long old = customers(1, "古い " + rare, 1).get(0);
            customers(NEWER, "新しい", Integer.MAX_VALUE);

            SearchPage<CustomerSearch.CustomerMatch> found = search.customers(SearchQuery.parse(rare), null, 10);

            assertThat(found.items()).extracting(m -> m.id().value()).containsExactly(old);
            assertThat(found.next()).isNull();
            return null;
        });
    }

    @Test
    void shouldFindAnOldCustomerByTheirWholeEmailAmongManyThatShareItsCommonPairs() {
        inRolledBackTransaction(() -> {
            long old = customers(1, "古い客", 1).get(0);
            customers(NEWER, "新しい", Integer.MAX_VALUE);
            // statistics in which "@e", "ex", "wi"… are in every row: the index is asked only for the rest
            jdbc.sql("analyze customer").update();
            String email = jdbc.sql("select email from customer where id = :id")
                    .param("id", old)
                    .query(String.class)
                    .single();

            SearchPage<CustomerSearch.CustomerMatch> found = search.customers(SearchQuery.parse(email), null, 10);

            assertThat(found.items()).extracting(m -> m.id().value()).containsExactly(old);
            return null;
        });
    }

    @Test
    void shouldPageThroughEveryCustomerMatchNewestFirstWithoutGapsOrRepeats() {
        String word = ConsoleSearchTest.kanji(2);
        inRolledBackTransaction(() -> {
            // A few old matches below the walk, then newer rows where one in 150 matches: the walk
            // finds some, the index window it sizes from them must find the rest, and the old ones.
            customers(5, "昔 " + word, 1);
            customers(NEWER, "最近 " + word, 150);
            SearchQuery query = SearchQuery.parse(word);

            List<Long> paged = everyPage(before -> search.customers(query, before, 10), m -> m.id().value());

            assertThat(paged).hasSizeGreaterThan(10).isEqualTo(truth("customer", word));
            return null;
        });
    }

    @Test
    void shouldFindAnOrderOlderThanTheNewestRowsItWalksAndPageThroughACommonNumberPrefix() {
        String prefix = "W" + System.nanoTime();
        inRolledBackTransaction(() -> {
            long storefront = jdbc.sql("insert into storefront (code, name) values (:c, '窓の店') returning id")
                    .param("c", prefix.toLowerCase())
                    .query(Long.class)
                    .single();
            orders(storefront, customers(1, "注文 古い", 1), prefix + "-OLD-");
            orders(storefront, customers(NEWER, "注文 新しい", 1), prefix + "-NEW-");

            SearchPage<CustomerSearch.OrderMatch> old = search.orders(SearchQuery.parse(prefix + "-OLD-1"), null, 10);
            List<Long> paged = everyPage(
                    before -> search.orders(SearchQuery.parse(prefix), before, 50), CustomerSearch.OrderMatch::id);

            assertThat(old.items())
                    .singleElement()
                    .satisfies(o -> assertThat(o.orderNumber()).isEqualTo(prefix + "-OLD-1"))
                    .satisfies(o -> assertThat(o.storefront()).isEqualTo("窓の店"));
            // the prefix has digits, so it is searched as an identifier: by number (IdentifierSearchTest)
            assertThat(paged)
                    .hasSize(NEWER + 1)
                    .isEqualTo(IdentifierSearchTest.byNumberThenNewest(jdbc, prefix.toLowerCase()));
            return null;
        });
    }

    private List<Long> customers(int count, String name, int every) {
        return customers(jdbc, count, name, every);
    }

    /**
     * {@code count} new customers, every {@code every}-th named {@code name} (the rest "他 n"), oldest
     * first (also for IdentifierSearchTest).
     */
    static List<Long> customers(JdbcClient jdbc, int count, String name, int every) {
        return jdbc
                .sql("""
                        insert into customer (email, email_normalized, name)
                        select e, e, case when g % :every = 0 then :name else '他 ' || g end
                          from generate_series(1, :count) g,
                               lateral (select 'window-' || g || '-' || :tag || '@example.jp' as e) m
                         order by g
                        returning id
                        """)
                .param("every", every)
                .param("name", name)
                .param("count", count)
                .param("tag", System.nanoTime())
                .query(Long.class)
                .list()
                .stream()
                .sorted()
                .toList();
    }

    private void orders(long storefront, List<Long> customers, String numberPrefix) {
        jdbc.sql("""
                        insert into customer_order (storefront_id, order_number, customer_id, status, currency,
                                                    subtotal_minor, total_minor, placed_at)
                        select :storefront, :prefix || n, c, 'PLACED', 'JPY', 1000, 1000, now()
                          from unnest(cast(string_to_array(:customers, ',') as bigint[])) with ordinality as t(c, n)
                         order by n
                        """)
                .param("storefront", storefront)
                .param("prefix", numberPrefix)
                // text, not an array parameter: JdbcClient would expand an array into a list of values
                .param("customers", customers.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .update();
    }

    /** What the search must find: every row whose normalised text holds the word, newest first. */
    private List<Long> truth(String table, String normalisedWord) {
        return jdbc.sql("select id from " + table + " where strpos(search_text, :w) > 0 order by id desc")
                .param("w", normalisedWord)
                .query(Long.class)
                .list();
    }

    /** The ids of every page, following each page's cursor (also for IdentifierSearchTest). */
    static <T> List<Long> everyPage(Function<Long, SearchPage<T>> page, ToLongFunction<T> id) {
        List<Long> ids = new ArrayList<>();
        Long before = null;
        do {
            SearchPage<T> next = page.apply(before);
            next.items().forEach(item -> ids.add(id.applyAsLong(item)));
            before = next.next();
        } while (before != null);
        return ids;
    }

    private void inRolledBackTransaction(Supplier<Void> work) {
        inRolledBackTransaction(transactions, work);
    }

    /** {@code work} in a transaction rolled back afterwards, so thousands of rows leave nothing behind. */
    static void inRolledBackTransaction(PlatformTransactionManager transactions, Supplier<Void> work) {
        new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
