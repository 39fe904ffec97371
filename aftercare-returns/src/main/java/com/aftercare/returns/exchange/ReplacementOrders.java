package com.aftercare.returns.exchange;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.OrderStatus;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.Claims;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The storefront's order that ships an exchange's replacement, linked to the claim: the
 * storefront links it when it creates the order (API), an operator when it does not. The order's
 * {@code order.shipped}, before or after the link, marks the exchange shipped with its tracking
 * number ({@link ReplacementShipments}).
 */
@Service
public class ReplacementOrders {

    /** An exchange takes a replacement order from approval until its replacement shipped. */
    private static final Set<ClaimStatus> LINKABLE =
            EnumSet.of(ClaimStatus.APPROVED, ClaimStatus.AWAITING_ITEM, ClaimStatus.RECEIVED, ClaimStatus.INSPECTED);

    private static final Set<OrderStatus> SHIPPED = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    private final Claims claims;
    private final ClaimWorkflow workflow;
    private final Orders orders;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReplacementOrders(Claims claims, ClaimWorkflow workflow, Orders orders, JdbcClient jdbc, Clock clock) {
        this.claims = claims;
        this.workflow = workflow;
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Links the storefront's order {@code orderNumber} as the replacement of the exchange {@code
     * rma} (again: replaces the link). When that order has shipped already, the exchange is marked
     * shipped at once.
     *
     * @throws NotFound when the claim is not the storefront's
     * @throws InvalidValue on {@code orderNumber} when it is the claim's own order or another
     *     claim's replacement, on {@code rma} when the claim is no exchange waiting for one
     */
    @Transactional
    public void link(StorefrontId storefront, String rma, String orderNumber, String by) {
        ClaimView claim = claims.byRma(storefront, rma).orElseThrow(() -> NotFound.claim(rma));
        if (claim.type() != RequestType.EXCHANGE) {
            throw new InvalidValue("rma", "is not an exchange");
        }
        if (!LINKABLE.contains(claim.status())) {
            throw new InvalidValue("rma", "takes no replacement order while it is " + claim.status());
        }
        OrderNumber number = orderNumber(orderNumber);
        if (number.value().equals(claim.orderNumber())) {
            throw new InvalidValue("orderNumber", "is the order the claim is about, not its replacement");
        }
        // the unique (storefront, order number) index stays the last word on a race
        Optional<Long> holder = jdbc.sql("""
                        select claim_id from claim_replacement_order
                         where storefront_id = :storefront and order_number = :number
                        """)
                .param("storefront", storefront.value())
                .param("number", number.value())
                .query(Long.class)
                .optional();
        if (holder.isPresent() && holder.get() != claim.id().value()) {
            throw new InvalidValue("orderNumber", "is the replacement of another claim");
        }
        jdbc.sql("""
                        insert into claim_replacement_order (claim_id, storefront_id, order_number, linked_at, linked_by)
                        values (:claim, :storefront, :number, :at, :by)
                        on conflict (claim_id) do update
                           set order_number = excluded.order_number, linked_at = excluded.linked_at,
                               linked_by = excluded.linked_by
                        """)
                .param("claim", claim.id().value())
                .param("storefront", storefront.value())
                .param("number", number.value())
                .param("at", Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
        orders.find(storefront, number)
                .filter(order -> SHIPPED.contains(order.status()))
                .ifPresent(order -> workflow.replacementShipped(rma, order.trackingNumber()));
    }

    /** The replacement order's number, once linked. */
    @Transactional(readOnly = true)
    public Optional<String> of(ClaimView claim) {
        return jdbc.sql("select order_number from claim_replacement_order where claim_id = :claim")
                .param("claim", claim.id().value())
                .query(String.class)
                .optional();
    }

    /** The exchange a shipped order is the replacement of, if any. */
    @Transactional(readOnly = true)
    Optional<String> claimReplacedBy(OrderView order) {
        return jdbc.sql("""
                        select c.rma from claim_replacement_order r join claim c on c.id = r.claim_id
                         where r.storefront_id = :storefront and r.order_number = :number
                        """)
                .param("storefront", order.storefront().value())
                .param("number", order.number())
                .query(String.class)
                .optional();
    }

    private static OrderNumber orderNumber(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("orderNumber", "must not be blank");
        }
        try {
            return new OrderNumber(value.strip());
        } catch (InvalidValue e) {
            throw new InvalidValue("orderNumber", e.getMessage());
        }
    }
}
