package com.aftercare.domain.claim;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;

/**
 * What happens to a claim, published by the returns module inside the transaction that did it
 * and delivered durably to whoever listens (step mail holds an order's "how is the product?"
 * mails while a claim about it is open). Each event carries what its listeners need, so none of
 * them reads the returns module's tables.
 */
public final class ClaimEvents {

    private ClaimEvents() {}

    /** A customer asked for a return, exchange, guarantee refund, repair or pick-up. */
    public record ClaimOpened(
            ClaimId claim,
            String rma,
            RequestType type,
            ReturnReason reason,
            StorefrontId storefront,
            OrderId order,
            CustomerId customer,
            Instant openedAt) {}

    /**
     * The claim's outcome is decided ({@code outcome}: refunded, exchange shipped, repaired,
     * rejected, quote declined, or closed for a pick-up). Published once per claim.
     */
    public record ClaimResolved(
            ClaimId claim,
            String rma,
            RequestType type,
            StorefrontId storefront,
            OrderId order,
            CustomerId customer,
            ClaimOutcome outcome,
            Instant resolvedAt) {}
}
