package com.aftercare.domain.claim;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Instant;
import java.util.List;

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
            Instant openedAt,
            ClaimDetails details) {}

    /**
     * The claim's outcome is decided ({@code outcome}: refunded, exchange shipped, repaired,
     * rejected, quote declined, or closed for a pick-up). Published once per claim. {@code
     * details.lines} are the products the outcome is about (with the variant of an exchange): step
     * mail stops its follow-up about a product sent back and restarts the usage tips for a new
     * variant.
     */
    public record ClaimResolved(
            ClaimId claim,
            String rma,
            RequestType type,
            StorefrontId storefront,
            OrderId order,
            CustomerId customer,
            ClaimOutcome outcome,
            Instant resolvedAt,
            ClaimDetails details) {}

    /**
     * The claim as it stands after a step, for listeners that tell someone outside what to do (the
     * storefront's webhooks): the lines with their exchange wish, and the refund's route and, once
     * recorded, its amounts. Amounts in yen.
     *
     * @param orderNumber the storefront's number of the order
     * @param status the claim's status after the step ({@code APPROVED}, {@code REFUNDED}…)
     * @param rejectionReason what the customer was told, when rejected
     * @param exchangeTracking the tracking number of the shipped exchange, if any
     */
    public record ClaimDetails(
            String orderNumber,
            String status,
            String currency,
            List<Line> lines,
            Refund refund,
            String rejectionReason,
            String exchangeTracking) {

        public ClaimDetails {
            lines = List.copyOf(lines);
        }

        /** A claimed order line; {@code exchangeSku} is the variant wanted in exchange, or null. */
        public record Line(
                int orderLineNo,
                String sku,
                String productName,
                int quantity,
                long unitPriceYen,
                long amountYen,
                String exchangeSku) {}

        /**
         * How the money goes back: {@code settlement} REFUND or STORE_CREDIT, {@code route} the way
         * it is paid ({@code CARD}, {@code BANK_TRANSFER}, {@code STORE_CREDIT}…). The amounts are
         * null until the refund is recorded; {@code couponCode} is the store credit's code.
         */
        public record Refund(
                String settlement,
                String route,
                String paymentMethod,
                Long linesYen,
                Long restockingFeeYen,
                Long returnShippingYen,
                Long totalYen,
                String couponCode) {}
    }

    /** An operator approved the claim (or the customer accepted the repair quote). */
    public record ClaimApproved(
            ClaimId claim,
            String rma,
            RequestType type,
            StorefrontId storefront,
            OrderId order,
            CustomerId customer,
            Instant approvedAt,
            ClaimDetails details) {}

    /** An operator refused the claim; {@code details.rejectionReason} is what the customer was told. */
    public record ClaimRejected(
            ClaimId claim,
            String rma,
            RequestType type,
            StorefrontId storefront,
            OrderId order,
            CustomerId customer,
            Instant rejectedAt,
            ClaimDetails details) {}

    /**
     * The refund was worked out and recorded: the storefront pays {@code details.refund.totalYen}
     * back by {@code details.refund.route} (store credit is already issued as a coupon).
     */
    public record ClaimRefundRecorded(
            ClaimId claim,
            String rma,
            RequestType type,
            StorefrontId storefront,
            OrderId order,
            CustomerId customer,
            Instant recordedAt,
            ClaimDetails details) {}

    /**
     * The item of an exchange came back and passed inspection: the storefront ships the variants
     * wanted ({@code details.lines[].exchangeSku}).
     */
    public record ClaimExchangeRequested(
            ClaimId claim,
            String rma,
            RequestType type,
            StorefrontId storefront,
            OrderId order,
            CustomerId customer,
            Instant requestedAt,
            ClaimDetails details) {}

    /** Nothing more happens to the claim. */
    public record ClaimClosed(
            ClaimId claim,
            String rma,
            RequestType type,
            StorefrontId storefront,
            OrderId order,
            CustomerId customer,
            Instant closedAt,
            ClaimDetails details) {}
}
