package com.aftercare.domain.search;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.order.OrderStatus;
import com.aftercare.domain.shared.Exports;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds customers (by name in kanji or kana, email, phone) and orders (by order number) for the
 * console search, newest first in keyset pages (orders by number first for a search that looks like
 * an identifier, {@link #orders}). Results carry personal data masked, as every
 * console list does; the customer's own page reveals it on request, audited. Each customer found
 * carries the date and storefront of their last order, so two customers of the same name and
 * masked email can be told apart.
 */
@Service
public class CustomerSearch {

    /**
     * A customer found, with email and phone masked (unless an export revealed them), and their
     * last order (null when they have none).
     */
    public record CustomerMatch(
            CustomerId id, String name, String nameKana, String email, String phone, LastOrder lastOrder) {}

    /** When a customer last ordered, and at which storefront. */
    public record LastOrder(Instant placedAt, String storefront) {}

    public record OrderMatch(
            long id,
            String orderNumber,
            OrderStatus status,
            Instant placedAt,
            CustomerId customer,
            String customerName,
            String storefront) {}

    /**
     * Rows read newest first, by key, before the index is asked: a common word (a shared surname,
     * an order-number prefix) fills a page within them, so its page costs the same at any table
     * size, where the index would hand over every match in the table to be sorted (a kana surname
     * read ×98 more pages from 10k to 1M, docs/benchmarks.md).
     */
    public static final int RECENT_ROWS = 2_000;

    /**
     * How many times the expected width the first index window spans: the walk through the recent
     * rows measured the word's density, and a window twice as wide as that density says is needed
     * is rarely short, while one that is short only costs a wider one after it.
     */
    private static final int MARGIN = 2;

    private static final int WIDENING = 8;

    /**
     * "{@code id + 0}", not "{@code id}": ordered by the bare key, the planner may walk the primary
     * key newest first and test every row, when the statistics of a small alphabet (order numbers)
     * make a match look likely on every few rows; a term that matches nothing then reads the whole
     * table (5 s for 配送 over 500,000 orders, bench/inquiries). Hiding the order keeps the GIN index
     * and sorts the matches (a top-N heap).
     */
    private static final String NEWEST_MATCHES_FIRST = " order by %s + 0 desc";

    /**
     * One window's customers ({@code %1$s} the condition, {@code %2$s} the order), each with their
     * last order: looked up for the page's rows only, one index look-up each.
     */
    private static final String CUSTOMER_PAGE = "select c.*, last.placed_at as last_order_at,"
            + " last.storefront as last_order_storefront"
            + " from (select c.id, c.name, c.name_kana, c.email, c.phone from customer c where c.merged_into is null and %1$s"
            + " and c.id >= :floor and c.id < :upper order by %2$s desc limit :limit) c"
            + " left join lateral (select o.placed_at, s.name as storefront from customer_order o"
            + " join storefront s on s.id = o.storefront_id where o.customer_id = c.id"
            + " order by o.placed_at desc, o.id desc limit 1) last on true"
            + " order by c.id desc";

    private static final String CUSTOMERS =
            "select c.id, c.name, c.name_kana, c.email, c.phone from customer c where c.merged_into is null and %s"
                    + NEWEST_MATCHES_FIRST.formatted("c.id");

    private static final String ORDER_COLUMNS =
            "select o.id, o.order_number, o.status, o.placed_at, c.id as customer_id, c.name, s.name as storefront";

    /** One window's orders ({@code %1$s} the condition, {@code %2$s} the order), with customer and storefront. */
    private static final String ORDER_PAGE = ORDER_COLUMNS
            + " from (select o.id, o.order_number, o.status, o.placed_at, o.customer_id, o.storefront_id"
            + " from customer_order o where %1$s and o.id >= :floor and o.id < :upper order by %2$s desc limit :limit) o"
            + " join customer c on c.id = o.customer_id join storefront s on s.id = o.storefront_id"
            + " order by o.id desc";

    private static final String ORDERS = ORDER_COLUMNS
            + " from customer_order o join customer c on c.id = o.customer_id"
            + " join storefront s on s.id = o.storefront_id where %s";

    /**
     * An order's normalised number as V122's ordered index holds it: in the "C" collation, byte
     * order, so every number that starts with a prefix lies in one range, {@code [:prefix, :prefix_end)}.
     */
    private static final String NUMBER = "(o.search_text collate \"C\")";

    private static final String NUMBER_STARTS = NUMBER + " >= :prefix and " + NUMBER + " < :prefix_end";

    /**
     * One page of the orders whose number starts with the identifier searched, from V122's index in
     * its order, highest number first, below the cursor's number and id ({@code %s}, or nothing).
     */
    private static final String ORDERS_BY_NUMBER = ORDER_COLUMNS
            + " from (select o.id, o.order_number, o.status, o.placed_at, o.customer_id, o.storefront_id,"
            + " o.search_text from customer_order o where " + NUMBER_STARTS + "%s"
            + " order by " + NUMBER + " desc, o.id desc limit :limit) o"
            + " join customer c on c.id = o.customer_id join storefront s on s.id = o.storefront_id"
            + " order by " + NUMBER + " desc, o.id desc";

    private static final String AFTER_NUMBER = " and (" + NUMBER + ", o.id) < (:after_number, :after_id)";

    private final JdbcClient jdbc;
    private final CommonGrams commonGrams;

    CustomerSearch(JdbcClient jdbc, CommonGrams commonGrams) {
        this.jdbc = jdbc;
        this.commonGrams = commonGrams;
    }

    @Transactional(readOnly = true)
    public SearchPage<CustomerMatch> customers(SearchQuery query, Long before, int size) {
        return SearchPage.of(
                newestFirst(
                        query,
                        "customer",
                        before,
                        size + 1,
                        (condition, order) ->
                                CUSTOMER_PAGE.formatted(condition.apply("c.search_text"), order.apply("c.id")),
                        UnaryOperator.identity(),
                        (rs, n) -> customer(rs, false, lastOrder(rs))),
                size,
                m -> m.id().value());
    }

    /**
     * Every customer {@link #customers} finds, in its order, streamed row by row with a cursor (for
     * the CSV export). Email and phone stay masked unless {@code revealed}: the caller decides who
     * may see them whole, and audits it.
     */
    @Transactional(readOnly = true)
    public void eachCustomer(SearchQuery query, boolean revealed, Consumer<CustomerMatch> match) {
        bind(query, CUSTOMERS.formatted(query.matchesWithQuads("c.search_text")), "customer")
                .withFetchSize(Exports.FETCH_SIZE)
                .query((RowCallbackHandler) rs -> match.accept(customer(rs, revealed, null)));
    }

    /**
     * Orders found, in keyset pages. Newest first, except for a search that looks like an identifier
     * ({@link SearchQuery#identifier}): the orders whose number starts with it come first, highest
     * number first (newest first where numbers count up), read in order from V122's index so that a
     * prefix only old orders share costs one page of that index at any table size; then the orders
     * whose number holds it elsewhere, newest first. The cursor stays the id of the page's last
     * order: whether its number starts with the term says which of the two lists it continues.
     */
    @Transactional(readOnly = true)
    public SearchPage<OrderMatch> orders(SearchQuery query, Long before, int size) {
        String identifier = query.identifier();
        int wanted = size + 1;
        List<OrderMatch> found = new ArrayList<>();
        Long below = before;
        if (identifier != null) {
            String cursorNumber = before == null ? null : number(before);
            if (before == null || (cursorNumber != null && cursorNumber.startsWith(identifier))) {
                found.addAll(ordersByNumber(identifier, cursorNumber, before, wanted));
                // the rest follow all of those, from the newest order down
                below = null;
            }
        }
        if (found.size() < wanted) {
            // not the orders listed by number: every order is in one list only
            String notByNumber = identifier == null ? "" : " and not (" + NUMBER_STARTS + ")";
            found.addAll(newestFirst(
                    query,
                    "customer_order",
                    below,
                    wanted - found.size(),
                    (condition, order) ->
                            ORDER_PAGE.formatted(condition.apply("o.search_text") + notByNumber, order.apply("o.id")),
                    statement -> identifier == null ? statement : byNumber(statement, identifier),
                    CustomerSearch::order));
        }
        return SearchPage.of(found, size, OrderMatch::id);
    }

    /**
     * Every order {@link #orders} finds, in its order (by number first for an identifier), streamed
     * row by row with a cursor (for the CSV export). One statement over the search indexes: a file
     * holds every match anyway.
     */
    @Transactional(readOnly = true)
    public void eachOrder(SearchQuery query, Consumer<OrderMatch> match) {
        String identifier = query.identifier();
        String order = identifier == null
                ? NEWEST_MATCHES_FIRST.formatted("o.id")
                : " order by (" + NUMBER_STARTS + ") desc, case when " + NUMBER_STARTS + " then " + NUMBER
                        + " end desc, o.id desc";
        JdbcClient.StatementSpec statement =
                bind(query, ORDERS.formatted(query.matchesWithQuads("o.search_text")) + order, "customer_order");
        (identifier == null ? statement : byNumber(statement, identifier))
                .withFetchSize(Exports.FETCH_SIZE)
                .query((RowCallbackHandler) rs -> match.accept(order(rs, 0)));
    }

    /** Orders whose number starts with {@code identifier}, after the cursor's number and id if any. */
    private List<OrderMatch> ordersByNumber(String identifier, String afterNumber, Long afterId, int limit) {
        JdbcClient.StatementSpec statement = byNumber(
                        jdbc.sql(ORDERS_BY_NUMBER.formatted(afterNumber == null ? "" : AFTER_NUMBER)), identifier)
                .param("limit", limit);
        if (afterNumber != null) {
            statement = statement.param("after_number", afterNumber).param("after_id", afterId);
        }
        return statement.query(CustomerSearch::order).list();
    }

    /** The range of V122's index holding every number that starts with {@code identifier}. */
    private static JdbcClient.StatementSpec byNumber(JdbcClient.StatementSpec statement, String identifier) {
        return statement.param("prefix", identifier).param("prefix_end", prefixEnd(identifier));
    }

    /**
     * The first text after every text that starts with {@code prefix}, in byte order: the prefix
     * with its last character one higher. The identifier is printable ASCII, so the last character
     * stays a single byte (~ becomes DEL, which normalised text never holds).
     */
    static String prefixEnd(String prefix) {
        int last = prefix.length() - 1;
        return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }

    /** The order's normalised number, null if there is no such order (any longer). */
    private String number(long order) {
        return jdbc.sql("select search_text from customer_order where id = :id")
                .param("id", order)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** A statement for one window, given how a row is tested and how the ids are ordered (by column). */
    private interface WindowSql {
        String of(UnaryOperator<String> condition, UnaryOperator<String> order);
    }

    /**
     * Up to {@code wanted} matches with ids below {@code before} (or all), newest first. First a
     * walk through the newest {@value #RECENT_ROWS} rows by key, testing each row's text (no index):
     * a common word fills the page there. Then the GIN index in {@link NewestFirst} windows below:
     * as wide as the walk's share of matches says the rest of the page needs (with a margin), or,
     * when the walk found none, everything below at once, since a word that rare has few matches
     * to sort and a window would only repeat the index look-up. The index is asked only for the
     * grams of each word that narrow the search ({@link CommonGrams}).
     */
    private <T> List<T> newestFirst(
            SearchQuery query,
            String table,
            Long before,
            int wanted,
            WindowSql sql,
            UnaryOperator<JdbcClient.StatementSpec> extra,
            RowMapper<T> row) {
        long upper = before != null
                ? before
                : jdbc.sql("select coalesce(max(id), 0) + 1 from " + table)
                        .query(Long.class)
                        .single();
        long floor = Math.max(upper - RECENT_ROWS, 0);
        String walk = sql.of(query::occursIn, id -> id);
        List<T> found = new ArrayList<>(window(extra.apply(query.bind(jdbc, walk)), floor, upper, wanted, row));
        if (found.size() < wanted && floor > 0) {
            String indexed = sql.of(query::matchesWithQuads, id -> id + " + 0");
            long missing = wanted - found.size();
            long width = found.isEmpty() ? floor : MARGIN * missing * (upper - floor) / found.size();
            found.addAll(NewestFirst.rows(
                    floor,
                    width,
                    WIDENING,
                    wanted - found.size(),
                    (below, above, limit) ->
                            window(extra.apply(bind(query, indexed, table)), below, above, limit, row)));
        }
        return found;
    }

    private static <T> List<T> window(
            JdbcClient.StatementSpec statement, long floor, long upper, int limit, RowMapper<T> row) {
        return statement
                .param("floor", floor)
                .param("upper", upper)
                .param("limit", limit)
                .query(row)
                .list();
    }

    /**
     * {@code sql}, which uses {@link SearchQuery#matchesWithQuads}, bound with the grams that narrow
     * the search by the statistics of the table's two search indexes.
     */
    private JdbcClient.StatementSpec bind(SearchQuery query, String sql, String table) {
        return query.bind(jdbc, sql, commonGrams.of(table + "_search_idx"), commonGrams.of(table + "_quads_idx"));
    }

    private static LastOrder lastOrder(ResultSet rs) throws SQLException {
        OffsetDateTime placedAt = rs.getObject("last_order_at", OffsetDateTime.class);
        return placedAt == null ? null : new LastOrder(placedAt.toInstant(), rs.getString("last_order_storefront"));
    }

    private static CustomerMatch customer(ResultSet rs, boolean revealed, LastOrder lastOrder) throws SQLException {
        // null for a customer reached only by phone or LINE (#12 §2)
        String address = rs.getString("email");
        EmailAddress email = address == null ? null : EmailAddress.of(address);
        String phone = rs.getString("phone");
        return new CustomerMatch(
                new CustomerId(rs.getLong("id")),
                rs.getString("name"),
                rs.getString("name_kana"),
                email == null ? null : revealed ? email.value() : email.masked(),
                revealed ? phone : CustomerView.maskPhone(phone),
                lastOrder);
    }

    private static OrderMatch order(ResultSet rs, int n) throws SQLException {
        return new OrderMatch(
                rs.getLong("id"),
                rs.getString("order_number"),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getObject("placed_at", OffsetDateTime.class).toInstant(),
                new CustomerId(rs.getLong("customer_id")),
                rs.getString("name"),
                rs.getString("storefront"));
    }
}
