package com.aftercare.domain.ingest;

import com.aftercare.domain.ingest.IngestOutcome.Result;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of every event taken ({@code inbound_event}): its idempotency key, and the events
 * kept until what they are about arrives. Runs in the ingestion's transaction.
 */
@Component
class InboundEvents {

    private final JdbcClient jdbc;

    InboundEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits for, and then holds until the transaction ends, the lock of one key of a storefront:
     * the events of one order (or one customer) go one after the other.
     */
    void lock(StorefrontId storefront, String key) {
        jdbc.sql("select pg_advisory_xact_lock(:storefront::int, hashtext(:key))")
                .param("storefront", storefront.value())
                .param("key", key)
                .query()
                .singleValue();
    }

    /**
     * What an event is kept under until it is applied, and what applying it later needs.
     *
     * @param orderNumber the order it is about, when known by number
     * @param orderRef the storefront's own id of that order, when the event names it so
     * @param customerRef the storefront's own id of the customer it waits for
     * @param detail the event's payload as JSON, for the kinds that need more than carrier and tracking
     */
    record Keys(
            String orderNumber,
            String orderRef,
            String customerRef,
            String carrier,
            String trackingNumber,
            String detail) {}

    /**
     * What recording an event found.
     *
     * @param first true when this is the first time the event id is seen
     * @param ordersEventsWaiting for an {@code order.placed}: whether events of that order arrived
     *     before it and wait to be applied; answered in the same statement so that the common
     *     case (nothing waits) costs no lookup of its own
     */
    record Recorded(boolean first, boolean ordersEventsWaiting) {}

    Recorded record(StorefrontId storefront, StorefrontEvent event, byte[] bodySha256, String payloadJson, Keys keys) {
        // The inserted row is invisible to the exists() of the same statement: it sees only the
        // events that were waiting before this one, which is the question.
        return jdbc.sql("""
                        with inserted as (
                            insert into inbound_event (storefront_id, event_id, event_type, order_number, body_sha256,
                                                       payload, occurred_at, carrier, tracking_no, order_ref, customer_ref,
                                                       detail, outcome)
                            values (:storefront, :id, :type, :number, :hash, cast(:payload as jsonb), :occurredAt, :carrier,
                                    :tracking, :orderRef, :customerRef, cast(:detail as jsonb), 'PENDING_ORDER')
                            on conflict (storefront_id, event_id) do nothing
                            returning 1)
                        select exists (select 1 from inserted),
                               :type = 'order.placed' and exists (
                                   select 1 from inbound_event
                                    where storefront_id = :storefront and applied_at is null
                                      and event_type <> 'order.placed'
                                      and (order_number = :number
                                           or (cast(:orderRef as text) is not null and order_ref = :orderRef)))
                        """)
                .param("storefront", storefront.value())
                .param("id", event.id())
                .param("type", event.type())
                .param("number", keys.orderNumber())
                .param("hash", bodySha256)
                .param("payload", payloadJson)
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .param("carrier", keys.carrier())
                .param("tracking", keys.trackingNumber())
                .param("orderRef", keys.orderRef())
                .param("customerRef", keys.customerRef())
                .param("detail", keys.detail())
                .query((rs, i) -> new Recorded(rs.getBoolean(1), rs.getBoolean(2)))
                .single();
    }

    /** How the event with this id was taken before. */
    record Previous(byte[] hash, Result outcome) {}

    Previous previous(StorefrontId storefront, String eventId) {
        return jdbc.sql(
                        "select body_sha256, outcome from inbound_event where storefront_id = :storefront and event_id = :id")
                .param("storefront", storefront.value())
                .param("id", eventId)
                .query((rs, i) -> new Previous(rs.getBytes(1), Result.valueOf(rs.getString(2))))
                .single();
    }

    void markDone(StorefrontId storefront, String eventId, Result result) {
        jdbc.sql("""
                        update inbound_event set outcome = :outcome,
                               applied_at = case when :outcome like 'PENDING%' then null else now() end
                        where storefront_id = :storefront and event_id = :id
                        """)
                .param("outcome", result.name())
                .param("storefront", storefront.value())
                .param("id", eventId)
                .update();
    }

    /** An event kept until its order or customer arrived. */
    record Parked(
            String eventId,
            String eventType,
            Instant occurredAt,
            String carrier,
            String trackingNumber,
            String detail) {}

    /**
     * The events that arrived before their order, in the order they happened: named by its number
     * or by the storefront's own id of it.
     */
    List<Parked> waitingForOrder(StorefrontId storefront, String number, String externalId) {
        return jdbc.sql("""
                        select event_id, event_type, occurred_at, carrier, tracking_no, detail::text from inbound_event
                        where storefront_id = :storefront and applied_at is null and event_type <> 'order.placed'
                          and (order_number = :number or (cast(:ref as text) is not null and order_ref = :ref))
                        order by occurred_at, received_at
                        """)
                .param("storefront", storefront.value())
                .param("number", number)
                .param("ref", externalId)
                .query(InboundEvents::parked)
                .list();
    }

    /** The events that arrived before their customer, in the order they happened. */
    List<Parked> waitingForCustomer(StorefrontId storefront, String customerRef) {
        return jdbc.sql("""
                        select event_id, event_type, occurred_at, carrier, tracking_no, detail::text from inbound_event
                        where storefront_id = :storefront and applied_at is null and customer_ref = :ref
                        order by occurred_at, received_at
                        """)
                .param("storefront", storefront.value())
                .param("ref", customerRef)
                .query(InboundEvents::parked)
                .list();
    }

    private static Parked parked(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Parked(
                rs.getString(1),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6));
    }
}
