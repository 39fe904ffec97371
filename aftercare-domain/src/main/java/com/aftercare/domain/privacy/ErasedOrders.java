package com.aftercare.domain.privacy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.shop.ShopProperties;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's orders. Amounts, lines, status and times stay (the figures count them). The
 * recipient's name, address, phone and the parcel's tracking number go at once (the storefront's
 * events about them: {@link ErasedStorefrontEvents}). The transaction
 * record the tax law asks the shop to keep (帳簿書類の保存, 法人税法: 7 years; configurable as
 * {@code aftercare.privacy.order-record-years}) is the order number and the storefront's own order
 * id with the amounts: kept until {@code retained_until}, then replaced by {@code ERASED-<id>} (at
 * the erasure for older orders, by the retention job for the rest). A B2C retail record needs no
 * buyer's name (a 適格簡易請求書 carries none), so nothing naming the person is kept.
 */
@Component
class ErasedOrders {

    /** Orders still holding their number under the legal period, and the last day of it. */
    record Kept(int orders, LocalDate until) {}

    private final JdbcClient jdbc;
    private final ShopProperties shop;
    private final int years;

    ErasedOrders(JdbcClient jdbc, ShopProperties shop, @Value("${aftercare.privacy.order-record-years:7}") int years) {
        this.jdbc = jdbc;
        this.shop = shop;
        this.years = years;
    }

    Kept anonymise(CustomerId customer, LocalDate today) {
        jdbc.sql("""
                        update customer_order
                           set ship_recipient_name = null, ship_postal_code = null, ship_address = null,
                               ship_phone = null, tracking_number = null,
                               retained_until = cast((placed_at at time zone :zone) as date) + make_interval(years => :years),
                               updated_at = now(), version = version + 1
                         where customer_id = :customer
                        """)
                .param("customer", customer.value())
                .param("zone", shop.zone().getId())
                .param("years", years)
                .update();
        pseudonymiseExpired(today, customer);
        return jdbc.sql("""
                        select count(*), max(retained_until) from customer_order
                         where customer_id = :customer and retained_until is not null
                        """)
                .param("customer", customer.value())
                .query((rs, i) -> new Kept(
                        rs.getInt(1),
                        rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()))
                .single();
    }

    /**
     * Replaces the number of every erased customer's order whose period ended before {@code today}
     * (of one customer, or of all when {@code customer} is null), with the coupon redemptions and
     * storefront events that name it.
     *
     * @return how many orders
     */
    int pseudonymiseExpired(LocalDate today, CustomerId customer) {
        return jdbc.sql("""
                        with expired as (
                            select id, storefront_id, order_number as old_number from customer_order
                             where retained_until < :today
                               and (cast(:customer as bigint) is null or customer_id = cast(:customer as bigint))
                               for update
                        ), redemptions as (
                            update coupon_redemption r set order_number = 'ERASED-' || x.id
                              from expired x
                             where r.storefront_id = x.storefront_id and r.order_number = x.old_number
                        ), inbound as (
                            update inbound_event e set order_number = 'ERASED-' || x.id
                              from expired x
                             where e.storefront_id = x.storefront_id and e.order_number = x.old_number
                        )
                        update customer_order o
                           set order_number = 'ERASED-' || o.id, external_id = null, retained_until = null,
                               updated_at = now(), version = o.version + 1
                          from expired x where o.id = x.id
                        """)
                .param("today", Date.valueOf(today))
                .param("customer", customer == null ? null : customer.value())
                .update();
    }
}
