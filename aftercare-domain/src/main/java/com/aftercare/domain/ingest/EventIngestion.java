package com.aftercare.domain.ingest;

import com.aftercare.domain.consent.MarketingConsent;
import com.aftercare.domain.coupon.CouponRedemption;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.customer.Customer;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.ingest.IngestOutcome.Result;
import com.aftercare.domain.ingest.StorefrontEvent.CouponRedeemed;
import com.aftercare.domain.ingest.StorefrontEvent.CustomerRegistered;
import com.aftercare.domain.ingest.StorefrontEvent.OrderPlaced;
import com.aftercare.domain.ingest.StorefrontEvent.OrderProgressed;
import com.aftercare.domain.order.Milestone;
import com.aftercare.domain.order.Order;
import com.aftercare.domain.order.OrderEvents;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.OrderStatus;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes storefront events in, exactly once each and in any order.
 *
 * <p>Storefronts retry for hours and deliver out of order, so every event is first recorded by
 * its id: a retry with the same body answers as before, the same id with another body is a
 * conflict. Events of one order are serialised with an advisory lock on (storefront, order
 * number), so an {@code order.paid} racing its own {@code order.placed} is either applied after
 * it or parked and picked up by it, never lost. Everything happens in one transaction: an
 * event is taken whole or not at all.
 */
@Service
public class EventIngestion {

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Customers customers;
    private final MarketingConsent consent;
    private final Coupons coupons;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EventIngestion(
            JdbcClient jdbc,
            Orders orders,
            Customers customers,
            MarketingConsent consent,
            Coupons coupons,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.customers = customers;
        this.consent = consent;
        this.coupons = coupons;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param bodySha256 hash of the event's canonical JSON, to tell a retry from a conflicting reuse of the id
     * @param payloadJson the event as received, kept for support and audits
     * @throws EventIdConflict when the id was used before with a different body
     */
    @Transactional
    public IngestOutcome ingest(StorefrontId storefront, StorefrontEvent event, byte[] bodySha256, String payloadJson) {
        String orderNumber =
                orderNumberOf(event.payload()).map(OrderNumber::value).orElse(null);
        if (orderNumber != null) {
            // Taken before the idempotency record so that events of one order queue up here.
            jdbc.sql("select pg_advisory_xact_lock(:storefront::int, hashtext(:number))")
                    .param("storefront", storefront.value())
                    .param("number", orderNumber)
                    .query()
                    .singleValue();
        }
        boolean first = record(storefront, event, bodySha256, payloadJson, orderNumber);
        if (!first) {
            return previousOutcome(storefront, event, bodySha256, orderNumber);
        }
        // Java 17: no pattern matching in switch yet; the payload interface is sealed to these four.
        IngestOutcome outcome;
        if (event.payload() instanceof OrderPlaced placed) {
            outcome = place(storefront, event, placed);
        } else if (event.payload() instanceof OrderProgressed progressed) {
            outcome = progress(storefront, event, progressed);
        } else if (event.payload() instanceof CouponRedeemed redeemed) {
            outcome = redeem(storefront, event, redeemed);
        } else {
            outcome = register(storefront, event, (CustomerRegistered) event.payload());
        }
        markDone(storefront, event.id(), outcome.result());
        return outcome;
    }

    private IngestOutcome place(StorefrontId storefront, StorefrontEvent event, OrderPlaced placed) {
        Instant now = clock.instant();
        Optional<Order> existing = orders.load(storefront, placed.number());
        if (existing.isPresent()) {
            return outcome(event, Result.IGNORED, existing.get());
        }
        Customer customer = recognise(storefront, event, placed.customer());
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
                        event.occurredAt()),
                now));
        events.publishEvent(new OrderEvents.OrderPlaced(
                order.id(), storefront, order.number().value(), customer.id(), order.placedAt()));
        applyParkedEvents(storefront, order);
        return outcome(event, Result.APPLIED, order);
    }

    private IngestOutcome progress(StorefrontId storefront, StorefrontEvent event, OrderProgressed progressed) {
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

    private IngestOutcome register(StorefrontId storefront, StorefrontEvent event, CustomerRegistered registered) {
        Customer customer = recognise(storefront, event, registered.customer());
        events.publishEvent(new OrderEvents.CustomerRegistered(customer.id(), storefront, event.occurredAt()));
        return new IngestOutcome(event.id(), Result.APPLIED, null, null, false);
    }

    /**
     * A refused code throws, and the whole event with it (nothing recorded, so a corrected retry
     * under the same id is taken). The same use reported under a new event id changes nothing.
     */
    private IngestOutcome redeem(StorefrontId storefront, StorefrontEvent event, CouponRedeemed redeemed) {
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

    private Customer recognise(StorefrontId storefront, StorefrontEvent event, StorefrontEvent.Customer described) {
        Customer customer =
                customers.recognise(described.email(), described.details(), storefront, described.externalId());
        StorefrontEvent.ConsentStatement consent = described.marketingConsent();
        if (consent != null) {
            String source = "storefront:" + storefront.value() + " event:" + event.id();
            if (consent.granted()) {
                this.consent.grant(customer.id(), event.occurredAt(), source, consent.wording());
            } else {
                this.consent.withdraw(customer.id(), event.occurredAt(), source);
            }
        }
        return customer;
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

    private record Parked(
            String eventId, String eventType, Instant occurredAt, String carrier, String trackingNumber) {}

    /** Events that arrived before their order, applied in the order they happened. */
    private void applyParkedEvents(StorefrontId storefront, Order order) {
        List<Parked> parked = jdbc.sql("""
                        select event_id, event_type, occurred_at, carrier, tracking_no from inbound_event
                        where storefront_id = :storefront and order_number = :number
                          and applied_at is null and event_type <> 'order.placed'
                        order by occurred_at, received_at
                        """)
                .param("storefront", storefront.value())
                .param("number", order.number().value())
                .query((rs, i) -> new Parked(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
        for (Parked event : parked) {
            Milestone milestone = Arrays.stream(Milestone.values())
                    .filter(m -> m.eventType().equals(event.eventType()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Parked event of unknown type " + event.eventType()));
            apply(order, milestone, event.eventId(), event.occurredAt(), event.carrier(), event.trackingNumber());
            markDone(storefront, event.eventId(), Result.APPLIED);
        }
    }

    /** @return true when this is the first time the event id is seen */
    private boolean record(
            StorefrontId storefront, StorefrontEvent event, byte[] bodySha256, String payloadJson, String orderNumber) {
        String carrier = null;
        String tracking = null;
        if (event.payload() instanceof OrderProgressed progressed) {
            carrier = progressed.carrier();
            tracking = progressed.trackingNumber();
        }
        return jdbc.sql("""
                        insert into inbound_event (storefront_id, event_id, event_type, order_number, body_sha256, payload,
                                                   occurred_at, carrier, tracking_no, outcome)
                        values (:storefront, :id, :type, :number, :hash, cast(:payload as jsonb), :occurredAt, :carrier, :tracking, 'PENDING_ORDER')
                        on conflict (storefront_id, event_id) do nothing
                        """)
                        .param("storefront", storefront.value())
                        .param("id", event.id())
                        .param("type", event.type())
                        .param("number", orderNumber)
                        .param("hash", bodySha256)
                        .param("payload", payloadJson)
                        .param("occurredAt", Timestamp.from(event.occurredAt()))
                        .param("carrier", carrier)
                        .param("tracking", tracking)
                        .update()
                == 1;
    }

    private IngestOutcome previousOutcome(
            StorefrontId storefront, StorefrontEvent event, byte[] bodySha256, String orderNumber) {
        record Previous(byte[] hash, String outcome) {}
        Previous previous = jdbc.sql(
                        "select body_sha256, outcome from inbound_event where storefront_id = :storefront and event_id = :id")
                .param("storefront", storefront.value())
                .param("id", event.id())
                .query((rs, i) -> new Previous(rs.getBytes(1), rs.getString(2)))
                .single();
        if (!Arrays.equals(previous.hash(), bodySha256)) {
            throw EventIdConflict.forEvent(event.id());
        }
        OrderStatus status = orderNumber == null
                ? null
                : orders.load(storefront, new OrderNumber(orderNumber))
                        .map(Order::status)
                        .orElse(null);
        return new IngestOutcome(event.id(), Result.valueOf(previous.outcome()), orderNumber, status, true);
    }

    private void markDone(StorefrontId storefront, String eventId, Result result) {
        jdbc.sql("""
                        update inbound_event set outcome = :outcome,
                               applied_at = case when :outcome = 'PENDING_ORDER' then null else now() end
                        where storefront_id = :storefront and event_id = :id
                        """)
                .param("outcome", result.name())
                .param("storefront", storefront.value())
                .param("id", eventId)
                .update();
    }

    private static IngestOutcome outcome(StorefrontEvent event, Result result, Order order) {
        return new IngestOutcome(event.id(), result, order.number().value(), order.status(), false);
    }

    private static Optional<OrderNumber> orderNumberOf(StorefrontEvent.Payload payload) {
        if (payload instanceof OrderPlaced placed) {
            return Optional.of(placed.number());
        }
        if (payload instanceof OrderProgressed progressed) {
            return Optional.of(progressed.number());
        }
        if (payload instanceof CouponRedeemed redeemed) {
            return Optional.of(redeemed.number());
        }
        return Optional.empty();
    }
}
