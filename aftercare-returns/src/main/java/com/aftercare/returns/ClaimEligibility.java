package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderStatus;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.returns.policy.DeliveryDate;
import com.aftercare.returns.policy.Eligibility;
import com.aftercare.returns.policy.EligibilityRules;
import com.aftercare.returns.policy.ProductPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an order allows today, for opening a claim and for showing it before the customer asks:
 * whether the order can be claimed at all (delivered, not cancelled), how much of each line is
 * left to claim, and each line's verdict of {@link EligibilityRules} under its product's policy,
 * with what the customer has done before.
 */
@Component
class ClaimEligibility {

    /** Claims that send items back count together against what was bought. */
    private static final Set<RequestType> SENT_BACK =
            Set.of(RequestType.RETURN, RequestType.EXCHANGE, RequestType.REFUND_GUARANTEE);

    private final JdbcClient jdbc;
    private final ProductPolicies policies;
    private final ShopProperties shop;
    private final ReturnsProperties properties;
    private final Clock clock;

    ClaimEligibility(
            JdbcClient jdbc, ProductPolicies policies, ShopProperties shop, ReturnsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.shop = shop;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * An order as the rules see it now: the day its windows count from (null when it was neither
     * delivered nor shipped) and today, both in the shop's zone.
     */
    record OrderToday(OrderView order, LocalDate deliveredOn, LocalDate today) {

        /** @throws ClaimNotEligible for a cancelled order, or one not delivered yet */
        void requireDeliveredAndOpen() {
            if (order.status() == OrderStatus.CANCELLED) {
                throw new ClaimNotEligible("orderNumber", "eligibility.orderCancelled", List.of());
            }
            if (deliveredOn == null || deliveredOn.isAfter(today)) {
                throw new ClaimNotEligible("orderNumber", "eligibility.notDeliveredYet", List.of());
            }
        }
    }

    OrderToday today(OrderView order) {
        LocalDate deliveredOn = DeliveryDate.of(
                        order.deliveredAt(), order.shippedAt(), properties.transitAllowanceDays(), shop.zone())
                .orElse(null);
        return new OrderToday(order, deliveredOn, LocalDate.ofInstant(clock.instant(), shop.zone()));
    }

    ProductPolicy policyOf(OrderView.Line line) {
        return policyOf(line.sku(), line.category());
    }

    ProductPolicy policyOf(String sku, String category) {
        return policies.of(sku, category);
    }

    /** What the line's product policy allows for this request, given the customer's earlier claims. */
    Eligibility evaluate(
            OrderToday o,
            OrderView.Line line,
            ProductPolicy policy,
            RequestType type,
            ReturnReason reason,
            boolean surveyAnswered) {
        return EligibilityRules.evaluate(
                type,
                reason,
                policy,
                o.deliveredOn(),
                o.today(),
                new EligibilityRules.History(guaranteeUsedBefore(o.order(), line.sku()), surveyAnswered));
    }

    /** Units of the line already in claims of the same kind that were not refused. */
    int alreadyClaimed(OrderId order, int lineNo, RequestType type) {
        List<String> types =
                SENT_BACK.contains(type) ? SENT_BACK.stream().map(Enum::name).toList() : List.of(type.name());
        return jdbc.sql("""
                        select coalesce(sum(l.quantity), 0) from claim_line l join claim c on c.id = l.claim_id
                         where c.order_id = :order and l.order_line_no = :line and c.type in (:types)
                           and c.status not in ('REJECTED', 'QUOTE_DECLINED')
                        """)
                .param("order", order.value())
                .param("line", lineNo)
                .param("types", types)
                .query(Integer.class)
                .single();
    }

    private boolean guaranteeUsedBefore(OrderView order, String sku) {
        return jdbc.sql("""
                        select count(*) from claim c join claim_line l on l.claim_id = c.id
                         where c.customer_id = :customer and l.sku = :sku and c.type = 'REFUND_GUARANTEE'
                           and c.status not in ('REJECTED', 'QUOTE_DECLINED')
                        """)
                        .param("customer", order.customer().value())
                        .param("sku", sku)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
