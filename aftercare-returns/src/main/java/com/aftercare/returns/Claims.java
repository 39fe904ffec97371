package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.storefront.StorefrontId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading claims, for the console, the portal and the API: one claim by its RMA number
 * ({@code RMA-2026-000123}) as a {@link ClaimView}, and the claims of an order or a customer as
 * {@link ClaimSummary} lists. The module's other faces change them: {@link ClaimRequests} opens
 * one, {@link ClaimWorkflow} works it through its statuses, {@link ClaimRefunds} pays it back.
 */
@Service
public class Claims {

    private final ClaimRepository claims;
    private final Orders orders;
    private final JdbcClient jdbc;

    Claims(ClaimRepository claims, Orders orders, JdbcClient jdbc) {
        this.claims = claims;
        this.orders = orders;
        this.jdbc = jdbc;
    }

    /** For the console and the portal: any claim (the portal checks it belongs to its link's order). */
    @Transactional(readOnly = true)
    public Optional<ClaimView> byRma(String rma) {
        return claims.findByRma(rma).map(this::view);
    }

    /** For the API: only the storefront's own claims (another's answers empty, like an unknown one). */
    @Transactional(readOnly = true)
    public Optional<ClaimView> byRma(StorefrontId storefront, String rma) {
        return claims.findByRmaAndStorefrontId(rma, storefront.value()).map(this::view);
    }

    /** The claims about an order, newest first. */
    @Transactional(readOnly = true)
    public List<ClaimSummary> forOrder(OrderId order) {
        return summaries("c.order_id = :id", order.value(), null);
    }

    /** A customer's claims, newest first (at most 500), for their timeline. */
    @Transactional(readOnly = true)
    public List<ClaimSummary> forCustomer(CustomerId customer) {
        return summaries("c.customer_id = :id", customer.value(), null);
    }

    /**
     * A customer's claims on orders of one storefront (null: any), newest first (at most 500): the
     * inquiry workspace shows only what belongs to the storefront the inquiry came from.
     */
    @Transactional(readOnly = true)
    public List<ClaimSummary> forCustomerAt(CustomerId customer, StorefrontId storefront) {
        return summaries(
                "c.customer_id = :id and (cast(:storefront as bigint) is null or o.storefront_id = :storefront)",
                customer.value(),
                storefront);
    }

    private ClaimView view(Claim claim) {
        return ClaimView.of(
                claim, orders.find(claim.order()).map(OrderView::number).orElse(null));
    }

    private List<ClaimSummary> summaries(String condition, long id, StorefrontId storefront) {
        return jdbc.sql("""
                        select c.rma, c.type, c.reason, c.status, o.order_number, c.requested_at, c.resolved_at
                          from claim c join order_view o on o.id = c.order_id
                         where %s
                         order by c.requested_at desc, c.id desc
                         limit 500
                        """.formatted(condition))
                .param("id", id)
                .param("storefront", storefront == null ? null : storefront.value())
                .query((rs, i) -> new ClaimSummary(
                        rs.getString(1),
                        RequestType.valueOf(rs.getString(2)),
                        ReturnReason.valueOf(rs.getString(3)),
                        ClaimStatus.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }
}
