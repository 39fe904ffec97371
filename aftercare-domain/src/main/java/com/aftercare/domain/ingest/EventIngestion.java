package com.aftercare.domain.ingest;

import com.aftercare.domain.ingest.StorefrontEvent.ConsentChanged;
import com.aftercare.domain.ingest.StorefrontEvent.CouponRedeemed;
import com.aftercare.domain.ingest.StorefrontEvent.CustomerRegistered;
import com.aftercare.domain.ingest.StorefrontEvent.CustomerUpdated;
import com.aftercare.domain.ingest.StorefrontEvent.OrderPlaced;
import com.aftercare.domain.ingest.StorefrontEvent.OrderProgressed;
import com.aftercare.domain.ingest.StorefrontEvent.OrderRefunded;
import com.aftercare.domain.order.Order;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.privacy.ErasedStorefrontEvents;
import com.aftercare.domain.privacy.Erasures;
import com.aftercare.domain.storefront.StorefrontId;
import java.util.Arrays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes storefront events in, exactly once each and in any order: our own API's events, Shopify's
 * webhooks and every other source turned into a {@link StorefrontEvent}, through this one door.
 *
 * <p>Storefronts retry for hours and deliver out of order, so every event is first recorded by
 * its id: a retry with the same body answers as before, the same id with another body is a
 * conflict. Events of one order are serialised with an advisory lock on (storefront, order
 * number), so an {@code order.paid} racing its own {@code order.placed} is either applied after
 * it or parked and picked up by it, never lost. An event that names its order only by the
 * storefront's own id of it (a Shopify refund) takes that id's lock first, and so does the
 * order's placement: ids before numbers, the one order every event takes them in. Everything
 * happens in one transaction: an event is taken whole or not at all.
 */
@Service
public class EventIngestion {

    private final InboundEvents inbound;
    private final OrderIngestion orderEvents;
    private final CustomerIngestion customerEvents;
    private final Orders orders;
    private final IngestMetrics metrics;
    private final ErasedStorefrontEvents erased;

    EventIngestion(
            InboundEvents inbound,
            OrderIngestion orderEvents,
            CustomerIngestion customerEvents,
            Orders orders,
            IngestMetrics metrics,
            ErasedStorefrontEvents erased) {
        this.metrics = metrics;
        this.erased = erased;
        this.inbound = inbound;
        this.orderEvents = orderEvents;
        this.customerEvents = customerEvents;
        this.orders = orders;
    }

    /**
     * @param bodySha256 hash of the event's canonical JSON, to tell a retry from a conflicting reuse of the id
     * @param payloadJson the event as received, kept for support and audits
     * @throws EventIdConflict when the id was used before with a different body
     */
    @Transactional
    public IngestOutcome ingest(StorefrontId storefront, StorefrontEvent event, byte[] bodySha256, String payloadJson) {
        long started = System.nanoTime();
        IngestOutcome outcome = ingestOnce(storefront, event, bodySha256, payloadJson);
        metrics.onCompletion(event.type(), started, outcome);
        return outcome;
    }

    private IngestOutcome ingestOnce(
            StorefrontId storefront, StorefrontEvent event, byte[] bodySha256, String payloadJson) {
        StorefrontEvent.Payload payload = event.payload();
        String orderRef = orderRefOf(payload);
        if (orderRef != null) {
            // Taken before the number's lock and the idempotency record: see the class comment.
            inbound.lock(storefront, "order-ref:" + orderRef);
        }
        String orderNumber = orderNumberOf(storefront, payload, orderRef);
        if (orderNumber != null) {
            // Taken before the idempotency record so that events of one order queue up here.
            inbound.lock(storefront, orderNumber);
        }
        InboundEvents.Recorded recorded =
                inbound.record(storefront, event, bodySha256, payloadJson, keys(payload, orderNumber, orderRef));
        if (!recorded.first()) {
            return previousOutcome(storefront, event, bodySha256, orderNumber);
        }
        IngestOutcome outcome = apply(storefront, event, orderNumber, recorded.ordersEventsWaiting());
        inbound.markDone(storefront, event.id(), outcome.result());
        if (orderNumber != null && !placedAnew(payload, outcome)) {
            // an event about an erased customer's order counts, but keeps no more of them than the erasure left
            erased.afterIngest(storefront, event.id(), orderNumber);
        }
        return outcome;
    }

    /**
     * An order this event has just created is no erased customer's: its customer was recognised by
     * the email, and an erasure leaves none that a later order could match, only an address in
     * {@link Erasures#ERASED_ADDRESS_DOMAIN} (which a storefront could still send, so that one is
     * asked about). Asking for every new order was a round trip on each for nothing.
     */
    private static boolean placedAnew(StorefrontEvent.Payload payload, IngestOutcome outcome) {
        return payload instanceof OrderPlaced placed
                && outcome.result() == IngestOutcome.Result.APPLIED
                && !Erasures.isErasedAddress(placed.customer().email());
    }

    // Java 17: no pattern matching in switch yet; the payload interface is sealed to these kinds.
    private IngestOutcome apply(
            StorefrontId storefront, StorefrontEvent event, String orderNumber, boolean ordersEventsWaiting) {
        StorefrontEvent.Payload payload = event.payload();
        if (payload instanceof OrderPlaced placed) {
            return orderEvents.place(storefront, event, placed, ordersEventsWaiting);
        } else if (payload instanceof OrderProgressed progressed) {
            return orderEvents.progress(storefront, event, progressed);
        } else if (payload instanceof OrderRefunded refunded) {
            return orderEvents.refund(storefront, event, refunded, orderNumber);
        } else if (payload instanceof CouponRedeemed redeemed) {
            return orderEvents.redeem(storefront, event, redeemed);
        } else if (payload instanceof CustomerRegistered registered) {
            return customerEvents.register(storefront, event, registered.customer());
        } else if (payload instanceof CustomerUpdated updated) {
            return customerEvents.update(storefront, event, updated.customer());
        }
        return customerEvents.consentChanged(storefront, event, (ConsentChanged) payload);
    }

    private IngestOutcome previousOutcome(
            StorefrontId storefront, StorefrontEvent event, byte[] bodySha256, String orderNumber) {
        InboundEvents.Previous previous = inbound.previous(storefront, event.id());
        if (!Arrays.equals(previous.hash(), bodySha256)) {
            throw EventIdConflict.forEvent(event.id());
        }
        return new IngestOutcome(
                event.id(), previous.outcome(), orderNumber, orderEvents.statusOf(storefront, orderNumber), true);
    }

    private static InboundEvents.Keys keys(StorefrontEvent.Payload payload, String orderNumber, String orderRef) {
        String carrier = null;
        String tracking = null;
        if (payload instanceof OrderProgressed progressed) {
            carrier = progressed.carrier();
            tracking = progressed.trackingNumber();
        }
        String customerRef = payload instanceof ConsentChanged changed ? changed.customerRef() : null;
        return new InboundEvents.Keys(
                orderNumber, orderRef, customerRef, carrier, tracking, ParkedPayloads.of(payload));
    }

    private static String orderRefOf(StorefrontEvent.Payload payload) {
        if (payload instanceof OrderPlaced placed) {
            return placed.externalId();
        }
        return payload instanceof OrderRefunded refunded ? refunded.orderRef() : null;
    }

    /** The number of the order an event is about; for a refund named by the order's storefront id, looked up. */
    private String orderNumberOf(StorefrontId storefront, StorefrontEvent.Payload payload, String orderRef) {
        OrderNumber number = null;
        if (payload instanceof OrderPlaced placed) {
            number = placed.number();
        } else if (payload instanceof OrderProgressed progressed) {
            number = progressed.number();
        } else if (payload instanceof CouponRedeemed redeemed) {
            number = redeemed.number();
        } else if (payload instanceof OrderRefunded refunded) {
            number = refunded.number() != null
                    ? refunded.number()
                    : orders.loadByExternalId(storefront, orderRef)
                            .map(Order::number)
                            .orElse(null);
        }
        return number == null ? null : number.value();
    }
}
