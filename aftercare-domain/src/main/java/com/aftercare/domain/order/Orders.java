package com.aftercare.domain.order;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders; changes to orders come only through storefront events (see the ingest package). */
@Service
public class Orders {

    private final OrderRepository orders;
    private final JdbcClient jdbc;

    Orders(OrderRepository orders, JdbcClient jdbc) {
        this.orders = orders;
        this.jdbc = jdbc;
    }

    /** The storefront's order with that number; another storefront's order is simply not found. */
    @Transactional(readOnly = true)
    public Optional<OrderView> find(StorefrontId storefront, OrderNumber number) {
        return orders.findByStorefrontIdAndOrderNumber(storefront.value(), number.value())
                .map(OrderView::of);
    }

    /**
     * The orders with that number, at one storefront (null: at any), at most {@code limit}: order
     * numbers are unique per storefront only.
     */
    @Transactional(readOnly = true)
    public java.util.List<OrderView> withNumber(String number, StorefrontId storefront, int limit) {
        return jdbc
                .sql("""
                        select id from customer_order
                         where order_number = :number and (cast(:storefront as bigint) is null or storefront_id = :storefront)
                         order by id
                         limit :limit
                        """)
                .param("number", number)
                .param("storefront", storefront == null ? null : storefront.value())
                .param("limit", limit)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> orders.findWithLinesById(id).map(OrderView::of).orElseThrow())
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<OrderView> find(OrderId id) {
        return orders.findWithLinesById(id.value()).map(OrderView::of);
    }

    /**
     * The order a customer describes on the portal: its number and the email or phone used for
     * it. Order numbers are unique per storefront only, so the contact decides; an ambiguous
     * answer (the same number and contact at two storefronts) finds nothing rather than guessing.
     * A Shopify order is known by its name ({@code #1001}), which customers type with or without
     * the {@code #}: the number as typed is tried first, then its other spelling.
     */
    @Transactional(readOnly = true)
    public Optional<OrderView> findByNumberAndContact(String orderNumber, String emailOrPhone) {
        String contact = emailOrPhone == null
                ? ""
                : java.text.Normalizer.normalize(emailOrPhone.strip(), java.text.Normalizer.Form.NFKC);
        String number = orderNumber == null
                ? ""
                : java.text.Normalizer.normalize(orderNumber.strip(), java.text.Normalizer.Form.NFKC);
        java.util.List<Long> ids = idsByNumberAndContact(number, contact);
        if (ids.isEmpty()) {
            ids = OrderNumber.otherSpelling(number)
                    .map(other -> idsByNumberAndContact(other, contact))
                    .orElse(ids);
        }
        return ids.size() == 1 ? orders.findWithLinesById(ids.get(0)).map(OrderView::of) : Optional.empty();
    }

    private java.util.List<Long> idsByNumberAndContact(String orderNumber, String contact) {
        String email = contact.toLowerCase(java.util.Locale.ROOT);
        String digits = contact.replaceAll("[^0-9]", "");
        return jdbc.sql("""
                        select o.id from customer_order o join customer c on c.id = o.customer_id
                         where o.order_number = :number
                           and (c.email_normalized = :email
                                or (length(:digits) >= 6 and (regexp_replace(coalesce(c.phone, ''), '[^0-9]', '', 'g') = :digits
                                    or regexp_replace(coalesce(o.ship_phone, ''), '[^0-9]', '', 'g') = :digits)))
                        """)
                .param("number", orderNumber)
                .param("email", email)
                .param("digits", digits)
                .query(Long.class)
                .list();
    }

    /** What the storefront gave back on an order: the total and each refund, oldest first. */
    public record Refunds(Money total, java.util.List<StorefrontRefund> refunds) {}

    /** The refunds of an order, as the storefront reported them (Shopify's refunds/create). */
    @Transactional(readOnly = true)
    public Refunds refunds(OrderId order) {
        Order found = orders.findById(order.value()).orElseThrow(() -> NotFound.order(String.valueOf(order.value())));
        java.util.List<StorefrontRefund> refunds = jdbc.sql("""
                        select refund_ref, amount_minor, refunded_at, note from order_refund
                         where order_id = :order order by refunded_at, id
                        """)
                .param("order", order.value())
                .query((rs, i) -> new StorefrontRefund(
                        rs.getString(1),
                        new Money(rs.getLong(2), found.currency()),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
        return new Refunds(found.refunded(), refunds);
    }

    /** One thing that happened to one of a customer's orders, for their timeline. */
    public record CustomerOrderEvent(String orderNumber, String eventType, OrderStatus statusTo, Instant occurredAt) {}

    /** Everything that happened to the customer's orders, newest first (at most 500 entries). */
    @Transactional(readOnly = true)
    public java.util.List<CustomerOrderEvent> historyOf(com.aftercare.domain.customer.CustomerId customer) {
        return jdbc.sql("""
                        select o.order_number, h.event_type, h.status_to, h.occurred_at
                          from order_history h join customer_order o on o.id = h.order_id
                         where o.customer_id = :customer
                         order by h.occurred_at desc, h.id desc
                         limit 500
                        """)
                .param("customer", customer.value())
                .query((rs, i) -> new CustomerOrderEvent(
                        rs.getString(1),
                        rs.getString(2),
                        OrderStatus.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** One of a customer's orders as a side panel lists it: enough to answer "where is it?". */
    public record CustomerOrder(
            String number, OrderStatus status, Money total, String carrier, String trackingNumber, Instant placedAt) {}

    /**
     * The customer's orders at one storefront (null: at any), newest first, at most {@code limit}, in one query:
     * an operator working a storefront's inquiry sees that storefront's orders only, even when the
     * same person also buys at another (a customer is one per email across storefronts).
     */
    @Transactional(readOnly = true)
    public java.util.List<CustomerOrder> recentOf(
            com.aftercare.domain.customer.CustomerId customer, StorefrontId storefront, int limit) {
        return jdbc.sql("""
                        select order_number, status, total_minor, currency, carrier, tracking_number, placed_at
                          from customer_order
                         where customer_id = :customer and (cast(:storefront as bigint) is null or storefront_id = :storefront)
                         order by placed_at desc, id desc
                         limit :limit
                        """)
                .param("customer", customer.value())
                .param("storefront", storefront == null ? null : storefront.value())
                .param("limit", limit)
                .query((rs, i) -> new CustomerOrder(
                        rs.getString(1),
                        OrderStatus.valueOf(rs.getString(2)),
                        new Money(rs.getLong(3), java.util.Currency.getInstance(rs.getString(4))),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /**
     * The status of the storefront's order with that number, if there is one: for the ingestion,
     * which asks it of every order it places (a plain query: loading the aggregate through JPA to
     * find it absent cost 5 % of the ingestion's CPU, docs/benchmarks.md).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OrderStatus> statusOf(StorefrontId storefront, OrderNumber number) {
        return jdbc.sql(
                        "select status from customer_order where storefront_id = :storefront and order_number = :number")
                .param("storefront", storefront.value())
                .param("number", number.value())
                .query((rs, i) -> OrderStatus.valueOf(rs.getString(1)))
                .optional();
    }

    /** For the ingestion, inside its transaction: the aggregate itself, to change it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Order> load(StorefrontId storefront, OrderNumber number) {
        return orders.findByStorefrontIdAndOrderNumber(storefront.value(), number.value());
    }

    /** For the ingestion: the order the storefront knows by its own id of it (a Shopify order id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Order> loadByExternalId(StorefrontId storefront, String externalId) {
        return orders.findByStorefrontIdAndExternalId(storefront.value(), externalId);
    }

    /**
     * For the ingestion: stores a new order, written at once (not at commit) because the listeners
     * that hear {@link OrderEvents.OrderPlaced} in the same transaction read it with SQL.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order add(Order order) {
        return orders.saveAndFlush(order);
    }

    /**
     * An order placed in the caller's transaction, for a listener that hears {@link
     * OrderEvents.OrderPlaced} in it: the placement left the order, its lines and its history in
     * the persistence context, so reading it here asks the database nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OrderView> placedInThisTransaction(OrderId id) {
        return orders.findById(id.value()).map(OrderView::of);
    }
}
