package com.aftercare.returns.exchange;

import com.aftercare.domain.order.OrderEvents.OrderShipped;
import com.aftercare.domain.order.Orders;
import com.aftercare.returns.ClaimWorkflow;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears every shipped order and, when it is the replacement of an exchange, marks the exchange
 * shipped with the order's tracking number. Idempotent: a claim already past that step is left as
 * it is (a republished event changes nothing).
 */
@Component
class ReplacementShipments {

    private final Orders orders;
    private final ReplacementOrders replacements;
    private final ClaimWorkflow workflow;

    ReplacementShipments(Orders orders, ReplacementOrders replacements, ClaimWorkflow workflow) {
        this.orders = orders;
        this.replacements = replacements;
        this.workflow = workflow;
    }

    @ApplicationModuleListener
    void on(OrderShipped shipped) {
        orders.find(shipped.order())
                .flatMap(replacements::claimReplacedBy)
                .ifPresent(rma -> workflow.replacementShipped(rma, shipped.trackingNumber()));
    }
}
