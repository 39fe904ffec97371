package com.aftercare.web.console.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.search.CustomerSearch;
import com.aftercare.domain.search.SearchPage;
import com.aftercare.domain.search.SearchQuery;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.console.csv.CsvExportTest;
import com.aftercare.web.console.customers.CustomerMergeTest;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestStorefronts;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Searches that look like an identifier (issue #16 §4, V122): orders whose number starts with the
 * term come first, from an ordered index, highest number first, then the orders holding it
 * elsewhere, newest first; paging goes from one list to the other without a gap or a repeat, and
 * the CSV export keeps the pages' order. Customers are found by the four-character groups of an
 * email or phone. On real PostgreSQL; the tests with thousands of rows write in a transaction they
 * roll back, the ones over HTTP commit a few dozen rows of their own storefronts.
 */
@AftercareIntegrationTest
class IdentifierSearchTest {

    /** More newer rows than the walk reads, so older matches need the indexes below it. */
    private static final int NEWER = CustomerSearch.RECENT_ROWS + 700;

    private static final Pattern ORDER_ROW = Pattern.compile("id=\"order-(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    CustomerSearch search;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldListAnOldOrderWhoseNumberStartsWithTheTermOnPageOneAheadOfThousandsOfNewerOnes() {
        String term = tag() + "00";
        inRolledBackTransaction(() -> {
            long shop = storefront();
            long customer = customers(1, "番号 古い").get(0);
            List<Long> old = orders(shop, customer, List.of(term + "1", term + "2", term + "3"));
            // newer orders holding the term inside their number: newest first, they filled page 1
            List<Long> newer = orders(shop, customer, numbered("X" + term, NEWER));

            SearchPage<CustomerSearch.OrderMatch> page = search.orders(SearchQuery.parse(term), null, 10);

            assertThat(page.items())
                    .extracting(CustomerSearch.OrderMatch::id)
                    .containsExactly(
                            old.get(2),
                            old.get(1),
                            old.get(0),
                            newer.get(NEWER - 1),
                            newer.get(NEWER - 2),
                            newer.get(NEWER - 3),
                            newer.get(NEWER - 4),
                            newer.get(NEWER - 5),
                            newer.get(NEWER - 6),
                            newer.get(NEWER - 7));
            assertThat(page.next()).isEqualTo(newer.get(NEWER - 7));
            return null;
        });
    }

    @Test
    void shouldPageFromTheNumbersThatStartWithTheTermToTheRestShowingEveryMatchOnce() {
        String term = tag() + "5";
        inRolledBackTransaction(() -> {
            long shop = storefront();
            long mall = storefront();
            long customer = customers(1, "番号 境目").get(0);
            // Older and newer than the numbers that start with the term, some below the walk
            orders(shop, customer, numbered("A" + term, 30));
            orders(shop, customer, numbered(term, 12));
            // the same numbers at another storefront: equal numbers, told apart by id
            orders(mall, customer, numbered(term, 4));
            orders(shop, customer, numbered("Z", NEWER));
            orders(mall, customer, numbered("B" + term, 15));
            SearchQuery query = SearchQuery.parse(term);
            List<Long> truth = byNumberThenNewest(term);

            List<Long> paged = everyPage(before -> search.orders(query, before, 10), CustomerSearch.OrderMatch::id);
            List<Long> exported = new ArrayList<>();
            search.eachOrder(query, o -> exported.add(o.id()));

            assertThat(truth).hasSize(61);
            assertThat(paged).isEqualTo(truth).doesNotHaveDuplicates();
            assertThat(exported).isEqualTo(truth);
            return null;
        });
    }

    @Test
    void shouldFindAnOldCustomerByAFragmentOfTheirPhoneAndExportTheSameCustomersInTheSameOrder() {
        String digits = Long.toString(System.nanoTime() % 100_000_000L + 100_000_000L);
        inRolledBackTransaction(() -> {
            long old = customers(1, "電話 古い").get(0);
            setPhone(old, "070-" + digits.substring(1, 5) + "-" + digits.substring(5, 9));
            List<Long> newer = customers(NEWER, "電話 新しい");
            // newer phones share every pair of the fragment's digits, and one holds the fragment
            newer.forEach(id -> setPhone(id, "090-" + String.format("%04d", id % 10_000) + "-1234"));
            setPhone(newer.get(NEWER / 2), "080-" + digits.substring(1, 5) + "-" + digits.substring(5, 9));
            jdbc.sql("analyze customer").update();
            SearchQuery fragment = SearchQuery.parse(digits.substring(3, 9));

            List<Long> paged = everyPage(before -> search.customers(fragment, before, 10), m -> m.id().value());
            List<Long> exported = new ArrayList<>();
            search.eachCustomer(fragment, false, c -> exported.add(c.id().value()));

            // what the plain condition finds (another test's customer may share the fragment)
            List<Long> truth = jdbc.sql("select id from customer where merged_into is null"
                            + " and strpos(search_text, :t) > 0 order by id desc")
                    .param("t", fragment.terms().get(0))
                    .query(Long.class)
                    .list();
            assertThat(paged).isEqualTo(truth).containsSubsequence(newer.get(NEWER / 2), old);
            assertThat(exported).isEqualTo(paged);
            return null;
        });
    }

    @Test
    void shouldPageOverHttpFromNumbersThatStartWithTheTermToTheRestAndExportInThatOrder() throws IOException {
        ConsoleClient console = ConsoleClient.loggedInAsAdmin(port);
        String term = tag() + "7";
        TestStorefronts.TestStorefront shop = TestStorefronts.create(storefronts);
        TestStorefronts.TestStorefront mall = TestStorefronts.create(storefronts);
        long customer = customers(1, "番号 画面").get(0);
        orders(shop.id().value(), customer, numbered("R" + term, 20));
        orders(shop.id().value(), customer, numbered(term, 11));
        orders(mall.id().value(), customer, List.of(term + "Q11"));
        orders(mall.id().value(), customer, numbered("S" + term, 25));
        List<Long> truth = byNumberThenNewest(term);

        HttpResponse<String> first = console.get("/console/search?in=orders&q=" + encode(term));
        Long next = nextCursor(first.body());
        HttpResponse<String> second = console.get("/console/search?in=orders&q=" + encode(term) + "&before=" + next);
        List<CSVRecord> csv =
                CsvExportTest.rows(console.download("/console/search/export?in=orders&q=" + encode(term)));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(truth).hasSize(57);
        // 50 a page: the 12 numbers that start with the term, then 38 of the rest; 7 on the next
        assertThat(orderIds(first.body())).isEqualTo(truth.subList(0, 50));
        assertThat(next).isEqualTo(truth.get(49));
        assertThat(orderIds(second.body())).isEqualTo(truth.subList(50, 57));
        assertThat(nextCursor(second.body())).isNull();
        // after the header, the same orders in the same order
        assertThat(csv.subList(1, csv.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(numbers(truth));
        // each order names its storefront (one number is at both)
        assertThat(first.body())
                .contains("<td>テスト店 " + shop.code() + "</td>")
                .contains("<td>テスト店 " + mall.code() + "</td>");
    }

    @Test
    void shouldNeverOfferAnotherStorefrontsCustomerFoundByTheirPhoneForMerging() {
        ConsoleClient console = ConsoleClient.loggedInAsAdmin(port);
        String digits = String.format("%08d", System.nanoTime() % 100_000_000L);
        String phone = "080-" + digits.substring(0, 4) + "-" + digits.substring(4);
        long shop = TestStorefronts.create(storefronts).id().value();
        long survivor = phoneOnlyCustomer("統合 残す", "070-0000-0000", shop);
        long duplicate = phoneOnlyCustomer("統合 重複", phone, shop);
        long stranger = phoneOnlyCustomer(
                "統合 他店", phone, TestStorefronts.create(storefronts).id().value());

        // the phone's digits are asked of the groups of four; the storefront rule still applies
        String page = console.get("/console/customers/" + survivor + "/merge?q=" + encode(phone.substring(4)))
                .body();

        assertThat(page).contains("id=\"match-" + duplicate + "\"").doesNotContain("id=\"match-" + stranger + "\"");
    }

    private long phoneOnlyCustomer(String name, String phone, long storefront) {
        return CustomerMergeTest.newPhoneOnlyCustomer(jdbc, name, phone, storefront);
    }

    /** Every order whose number holds {@code term}: starting with it first (number, then id, descending), then newest first. */
    private List<Long> byNumberThenNewest(String term) {
        return byNumberThenNewest(jdbc, term);
    }

    /** As {@link #byNumberThenNewest(String)}, for the other search tests. */
    static List<Long> byNumberThenNewest(JdbcClient jdbc, String term) {
        String normalised = term.toLowerCase();
        return jdbc.sql("""
                        select id from customer_order where strpos(search_text, :t) > 0
                         order by starts_with(search_text, :t) desc,
                                  case when starts_with(search_text, :t) then search_text collate "C" end desc,
                                  id desc
                        """).param("t", normalised).query(Long.class).list();
    }

    private List<String> numbers(List<Long> orders) {
        return orders.stream()
                .map(id -> jdbc.sql("select order_number from customer_order where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .toList();
    }

    /** Upper-case letters and digits no other test wrote: looks like an order number (has digits). */
    private static String tag() {
        return "N" + System.nanoTime();
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            numbers.add(prefix + "Q" + i);
        }
        return numbers;
    }

    private long storefront() {
        String code = "id-" + System.nanoTime();
        return jdbc.sql("insert into storefront (code, name) values (:c, :n) returning id")
                .param("c", code)
                .param("n", "番号の店 " + code)
                .query(Long.class)
                .single();
    }

    /** {@code count} new customers named {@code name}, oldest first. */
    private List<Long> customers(int count, String name) {
        return CustomerSearchWindowTest.customers(jdbc, count, name, 1);
    }

    private void setPhone(long customer, String phone) {
        jdbc.sql(
                        "update customer set phone = :p, phone_normalized = regexp_replace(:p, '[^0-9]', '', 'g') where id = :id")
                .param("p", phone)
                .param("id", customer)
                .update();
    }

    /** One order per number, in that order (ids ascending), all of one customer. */
    private List<Long> orders(long storefront, long customer, List<String> numbers) {
        return jdbc
                .sql("""
                        insert into customer_order (storefront_id, order_number, customer_id, status, currency,
                                                    subtotal_minor, total_minor, placed_at)
                        select :storefront, n, :customer, 'PLACED', 'JPY', 1000, 1000, now()
                          from unnest(string_to_array(:numbers, ',')) with ordinality as t(n, i)
                         order by i
                        returning id
                        """)
                .param("storefront", storefront)
                .param("customer", customer)
                // text, not an array parameter: JdbcClient would expand an array into a list of values
                .param("numbers", String.join(",", numbers))
                .query(Long.class)
                .list()
                .stream()
                .sorted()
                .toList();
    }

    private static List<Long> orderIds(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ORDER_ROW.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static Long nextCursor(String html) {
        Matcher m =
                Pattern.compile("id=\"next-orders\" href=\"[^\"]*before=(\\d+)").matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void inRolledBackTransaction(Supplier<Void> work) {
        CustomerSearchWindowTest.inRolledBackTransaction(transactions, work);
    }

    private static <T> List<Long> everyPage(Function<Long, SearchPage<T>> page, ToLongFunction<T> id) {
        return CustomerSearchWindowTest.everyPage(page, id);
    }
}
