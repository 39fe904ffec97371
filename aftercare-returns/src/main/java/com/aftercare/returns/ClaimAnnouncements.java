package com.aftercare.returns;

import com.aftercare.domain.claim.ClaimEvents.ClaimApproved;
import com.aftercare.domain.claim.ClaimEvents.ClaimClosed;
import com.aftercare.domain.claim.ClaimEvents.ClaimDetails;
import com.aftercare.domain.claim.ClaimEvents.ClaimExchangeRequested;
import com.aftercare.domain.claim.ClaimEvents.ClaimRefundRecorded;
import com.aftercare.domain.claim.ClaimEvents.ClaimRejected;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.order.OrderView;
import com.aftercare.returns.policy.RefundAmounts;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the other modules what a step did to a claim that the storefront has to act on
 * (approved, rejected, refund recorded, exchange to ship, closed), with the claim's lines and
 * refund in the event, so a listener (the storefront's webhooks) needs nothing else. Published in
 * the step's transaction, from the status the step moved the claim to.
 */
@Component
class ClaimAnnouncements {

    private final ApplicationEventPublisher events;

    ClaimAnnouncements(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Announces the move from {@code before} to the claim's status now; nothing when it did not move. */
    void moved(Claim c, OrderView order, ClaimStatus before, Instant at) {
        ClaimStatus now = c.status();
        if (now == before) {
            return;
        }
        Object event = switch (now) {
            case APPROVED ->
                new ClaimApproved(
                        c.id(), c.rma(), c.type(), c.storefront(), c.order(), c.customer(), at, details(c, order));
            case REJECTED ->
                new ClaimRejected(
                        c.id(), c.rma(), c.type(), c.storefront(), c.order(), c.customer(), at, details(c, order));
            case REFUNDED ->
                new ClaimRefundRecorded(
                        c.id(), c.rma(), c.type(), c.storefront(), c.order(), c.customer(), at, details(c, order));
            case CLOSED ->
                new ClaimClosed(
                        c.id(), c.rma(), c.type(), c.storefront(), c.order(), c.customer(), at, details(c, order));
            default -> null;
        };
        if (event != null) {
            events.publishEvent(event);
        }
        if (now == ClaimStatus.APPROVED && c.type() == RequestType.EXCHANGE) {
            // the replacement's shipping request: the shop ships it (as an order of its own, whose
            // order.shipped events then mark the exchange shipped) without waiting for the item
            events.publishEvent(new ClaimExchangeRequested(
                    c.id(), c.rma(), c.type(), c.storefront(), c.order(), c.customer(), at, details(c, order)));
        }
    }

    /** The claim as the events carry it. */
    static ClaimDetails details(Claim c, OrderView order) {
        RefundRecord refund = c.refundRecord();
        RefundAmounts paid = refund == null ? null : refund.amounts();
        return new ClaimDetails(
                order.number(),
                c.status().name(),
                c.currency(),
                c.lines().stream()
                        .map(l -> new ClaimDetails.Line(
                                l.orderLineNo(),
                                l.sku(),
                                l.productName(),
                                l.quantity(),
                                l.unitPriceYen(),
                                l.amountYen(),
                                l.exchangeSku()))
                        .toList(),
                refund == null
                        ? null
                        : new ClaimDetails.Refund(
                                refund.settlement().name(),
                                refund.route().name(),
                                refund.paymentMethod(),
                                paid == null ? null : paid.lines(),
                                paid == null ? null : paid.restockingFee(),
                                paid == null ? null : paid.returnShipping(),
                                paid == null ? null : paid.total(),
                                refund.couponCode()),
                c.rejectionReason(),
                c.exchange() == null ? null : c.exchange().tracking());
    }
}
