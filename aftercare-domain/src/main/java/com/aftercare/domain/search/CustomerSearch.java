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
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds customers (by name in kanji or kana, email, phone) and orders (by order number) for the
 * console search, newest first in keyset pages. Results carry personal data masked, as every
 * console list does; the customer's own page reveals it on request, audited.
 */
@Service
public class CustomerSearch {

    /** A customer found, with email and phone masked (unless an export revealed them). */
    public record CustomerMatch(CustomerId id, String name, String nameKana, String email, String phone) {}

    public record OrderMatch(
            long id,
            String orderNumber,
            OrderStatus status,
            Instant placedAt,
            CustomerId customer,
            String customerName) {}

    /**
     * "{@code id + 0}", not "{@code id}": ordered by the bare key, the planner may walk the primary
     * key newest first and test every row, when the statistics of a small alphabet (order numbers)
     * make a match look likely on every few rows; a term that matches nothing then reads the whole
     * table (5 s for 配送 over 500,000 orders, bench/inquiries). Hiding the order keeps the GIN index
     * and sorts the matches (a top-N heap).
     */
    private static final String NEWEST_MATCHES_FIRST = " order by %s + 0 desc";

    private static final String LIMIT = " limit :limit";

    private static final String CUSTOMERS =
            "select c.id, c.name, c.name_kana, c.email, c.phone from customer c where %s%s"
                    + NEWEST_MATCHES_FIRST.formatted("c.id");

    private static final String ORDERS =
            "select o.id, o.order_number, o.status, o.placed_at, c.id as customer_id, c.name"
                    + " from customer_order o join customer c on c.id = o.customer_id where %s%s"
                    + NEWEST_MATCHES_FIRST.formatted("o.id");

    private final JdbcClient jdbc;

    CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public SearchPage<CustomerMatch> customers(SearchQuery query, Long before, int size) {
        String sql = CUSTOMERS.formatted(query.matches("c.search_text"), SearchPage.before("c.id", before)) + LIMIT;
        return SearchPage.of(
                query.page(jdbc, sql, before, size)
                        .query((rs, n) -> customer(rs, false))
                        .list(),
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
        query.bind(jdbc, CUSTOMERS.formatted(query.matches("c.search_text"), ""))
                .withFetchSize(Exports.FETCH_SIZE)
                .query((RowCallbackHandler) rs -> match.accept(customer(rs, revealed)));
    }

    @Transactional(readOnly = true)
    public SearchPage<OrderMatch> orders(SearchQuery query, Long before, int size) {
        String sql = ORDERS.formatted(query.matches("o.search_text"), SearchPage.before("o.id", before)) + LIMIT;
        return SearchPage.of(
                query.page(jdbc, sql, before, size).query(CustomerSearch::order).list(), size, OrderMatch::id);
    }

    /** Every order {@link #orders} finds, in its order, streamed row by row with a cursor (for the CSV export). */
    @Transactional(readOnly = true)
    public void eachOrder(SearchQuery query, Consumer<OrderMatch> match) {
        query.bind(jdbc, ORDERS.formatted(query.matches("o.search_text"), ""))
                .withFetchSize(Exports.FETCH_SIZE)
                .query((RowCallbackHandler) rs -> match.accept(order(rs, 0)));
    }

    private static CustomerMatch customer(ResultSet rs, boolean revealed) throws SQLException {
        EmailAddress email = EmailAddress.of(rs.getString("email"));
        String phone = rs.getString("phone");
        return new CustomerMatch(
                new CustomerId(rs.getLong("id")),
                rs.getString("name"),
                rs.getString("name_kana"),
                revealed ? email.value() : email.masked(),
                revealed ? phone : CustomerView.maskPhone(phone));
    }

    private static OrderMatch order(ResultSet rs, int n) throws SQLException {
        return new OrderMatch(
                rs.getLong("id"),
                rs.getString("order_number"),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getObject("placed_at", OffsetDateTime.class).toInstant(),
                new CustomerId(rs.getLong("customer_id")),
                rs.getString("name"));
    }
}
