package com.aftercare.domain.ingest;

import com.aftercare.domain.catalogue.Catalogue;
import com.aftercare.domain.coupon.CouponRedemption;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.customer.Customer;
import com.aftercare.domain.ingest.IngestOutcome.Result;
import com.aftercare.domain.ingest.StorefrontEvent.CouponRedeemed;
import com.aftercare.domain.ingest.StorefrontEvent.OrderPlaced;
import com.aftercare.domain.ingest.StorefrontEvent.OrderProgressed;
import com.aftercare.domain.ingest.StorefrontEvent.OrderRefunded;
import com.aftercare.domain.order.Milestone;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.Order;
import com.aftercare.domain.order.OrderEvents;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.OrderStatus;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.order.StorefrontRefund;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The order side of the ingestion: placing an order, moving it forward, recording refunds and
 * coupon uses, and applying the events that arrived before their order once it is placed. Runs
 * under the order's lock, in the ingestion's transaction.
 */
@Component
class OrderIngestion {

    private final InboundEvents inbound;
    private final Orders orders;
    private final CustomerIngestion customers;
    private final Coupons coupons;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderIngestion(
            InboundEvents inbound,
            Orders orders,
            CustomerIngestion customers,
            Coupons coupons,
            Catalogue catalogue,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalogue = catalogue;
        this.inbound = inbound;
        this.orders = orders;
        this.customers = customers;
        this.coupons = coupons;
        this.events = events;
        this.clock = clock;
    }

    /** @param eventsWaiting whether events of this order arrived before it (see {@link InboundEvents#record}) */
    IngestOutcome place(StorefrontId storefront, StorefrontEvent event, OrderPlaced placed, boolean eventsWaiting) {
        Optional<OrderStatus> existing = orders.statusOf(storefront, placed.number());
        if (existing.isPresent()) {
            return new IngestOutcome(event.id(), Result.IGNORED, placed.number().value(), existing.get(), false);
        }
        Customer customer = customers.recognise(storefront, event, placed.customer());
        Order order = orders.add(Order.place(
                new Order.Placement(
                        storefront,
                        placed.number(),
                        customer.id(),
                        placed.currency(),
                        placed.lines(),
                        placed.shippingFee(),
                        placed.discount(),
                        placed.paymentMethod(),
                        placed.shipping(),
                        event.id(),
                        event.occurredAt(),
                        placed.externalId()),
                clock.instant()));
        events.publishEvent(new OrderEvents.OrderPlaced(
                order.id(), storefront, order.number().value(), customer.id(), order.placedAt()));
        if (eventsWaiting) {
            applyWaitingEvents(storefront, order, placed.externalId());
        }
        // Last, as near the commit as it can be: a popular SKU's catalogue row is on most orders,
        // and the upsert holds its lock until the commit, so every other order naming it waits
        // that long (before, through the thank-you mail's rendering: orders queued on it at 16
        // clients, docs/benchmarks.md).
        catalogue.learn(storefront, placed.lines(), event.occurredAt());
        return outcome(event, Result.APPLIED, order);
    }

    IngestOutcome progress(StorefrontId storefront, StorefrontEvent event, OrderProgressed progressed) {
        Optional<Order> order = orders.load(storefront, progressed.number());
        if (order.isEmpty()) {
            return new IngestOutcome(
                    event.id(), Result.PENDING_ORDER, progressed.number().value(), null, false);
        }
        apply(
                order.get(),
                progressed.milestone(),
                event.id(),
                event.occurredAt(),
                progressed.carrier(),
                progressed.trackingNumber());
        return outcome(event, Result.APPLIED, order.get());
    }

    /**
     * @param number the order's number, named by the refund or found by its storefront id; null when
     *     the order is not known yet
     */
    IngestOutcome refund(StorefrontId storefront, StorefrontEvent event, OrderRefunded refunded, String number) {
        Optional<Order> order = number == null ? Optional.empty() : orders.load(storefront, new OrderNumber(number));
        if (order.isEmpty()) {
            return new IngestOutcome(event.id(), Result.PENDING_ORDER, number, null, false);
        }
        boolean recorded = recordRefund(order.get(), event.id(), refunded);
        return outcome(event, recorded ? Result.APPLIED : Result.IGNORED, order.get());
    }

    /**
     * A refused code throws, and the whole event with it (nothing recorded, so a corrected retry
     * under the same id is taken). The same use reported under a new event id changes nothing.
     */
    IngestOutcome redeem(StorefrontId storefront, StorefrontEvent event, CouponRedeemed redeemed) {
        CouponRedemption.Outcome recorded = coupons.redeem(new CouponRedemption(
                storefront,
                redeemed.code(),
                redeemed.number(),
                redeemed.discountYen(),
                redeemed.orderTotalYen(),
                event.occurredAt(),
                event.id()));
        Result result = recorded == CouponRedemption.Outcome.RECORDED ? Result.APPLIED : Result.IGNORED;
        OrderStatus status =
                orders.load(storefront, redeemed.number()).map(Order::status).orElse(null);
        return new IngestOutcome(event.id(), result, redeemed.number().value(), status, false);
    }

    /** The order's status now, for the answer to a retry. */
    OrderStatus statusOf(StorefrontId storefront, String number) {
        return number == null
                ? null
                : orders.statusOf(storefront, new OrderNumber(number)).orElse(null);
    }

    private void apply(
            Order order, Milestone milestone, String eventId, Instant occurredAt, String carrier, String tracking) {
        Order.Progress progress = order.record(milestone, eventId, occurredAt, clock.instant(), carrier, tracking);
        if (!progress.moved()) {
            return;
        }
        Object domainEvent = switch (progress.to()) {
            case PAID -> new OrderEvents.OrderPaid(order.id(), order.customer(), order.paidAt());
            case SHIPPED ->
                new OrderEvents.OrderShipped(
                        order.id(), order.customer(), order.shippedAt(), order.carrier(), order.trackingNumber());
            case DELIVERED -> new OrderEvents.OrderDelivered(order.id(), order.customer(), order.deliveredAt());
            case CANCELLED -> new OrderEvents.OrderCancelled(order.id(), order.customer(), order.cancelledAt());
            case PLACED -> throw new IllegalStateException("An order never moves back to PLACED");
        };
        events.publishEvent(domainEvent);
    }

    /** @return false when the storefront's refund was recorded before (under another event id) */
    private boolean recordRefund(Order order, String eventId, OrderRefunded refunded) {
        Money amount = Money.ofMajor(refunded.amount(), order.currency(), "refund.amount");
        StorefrontRefund refund =
                new StorefrontRefund(refunded.refundRef(), amount, refunded.refundedAt(), refunded.note());
        if (!order.recordRefund(refund, eventId, clock.instant())) {
            return false;
        }
        events.publishEvent(new OrderEvents.OrderRefunded(
                order.id(),
                order.storefront(),
                order.number().value(),
                order.customer(),
                refund.ref(),
                amount,
                refund.at(),
                refunded.lines()));
        return true;
    }

    /** Events that arrived before their order, applied in the order they happened. */
    private void applyWaitingEvents(StorefrontId storefront, Order order, String externalId) {
        for (InboundEvents.Parked waiting :
                inbound.waitingForOrder(storefront, order.number().value(), externalId)) {
            if ("order.refunded".equals(waiting.eventType())) {
                recordRefund(order, waiting.eventId(), ParkedPayloads.read(waiting.detail(), OrderRefunded.class));
            } else {
                Milestone milestone = Arrays.stream(Milestone.values())
                        .filter(m -> m.eventType().equals(waiting.eventType()))
                        .findFirst()
                        .orElseThrow(() ->
                                new IllegalStateException("Waiting event of unknown type " + waiting.eventType()));
                apply(
                        order,
                        milestone,
                        waiting.eventId(),
                        waiting.occurredAt(),
                        waiting.carrier(),
                        waiting.trackingNumber());
            }
            inbound.markDone(storefront, waiting.eventId(), Result.APPLIED);
        }
    }

    private static IngestOutcome outcome(StorefrontEvent event, Result result, Order order) {
        return new IngestOutcome(event.id(), result, order.number().value(), order.status(), false);
    }
}
