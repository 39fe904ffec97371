package com.aftercare.domain.privacy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.StorefrontId;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events storefronts sent about an erased customer ({@code inbound_event}): those of their
 * orders (by number or the storefront's order id), those waiting for them by the storefront's id of
 * them, and the customer events (registered, updated, consent) that quote their email, phone or
 * name. Each keeps its id, type, times, outcome and body hash, so a redelivered event is still
 * answered as the duplicate it is and re-creates no one; its payload and parked detail keep the
 * figures and lose the person ({@link PersonalFields}); the parcel number goes.
 *
 * <p>An event that arrives later about an erased customer's order (a parcel shipped, an order
 * placed again under a new event id) is applied as any other, for the figures, and then loses the
 * person in the same way ({@link #afterIngest}). An order placed later under the erased email or
 * storefront id is a new person: nothing links it to the erased one any more.
 *
 * <p>Finding them is one sequential scan of {@code inbound_event} per erasure: the customer events
 * are found by the person's values in their text, which no index holds. The customer's orders and
 * storefront ids are asked once each (uncorrelated {@code in}, which PostgreSQL hashes) and not per
 * event: asked per event, as correlated {@code exists}, they cost 4 million page reads at a million
 * events instead of 64 thousand (bench/privacy/events.sh, docs/benchmarks.md).
 */
@Component
public class ErasedStorefrontEvents {

    private final JdbcClient jdbc;
    private final EntityManager entities;

    ErasedStorefrontEvents(JdbcClient jdbc, EntityManager entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    /**
     * Called by the ingestion after it applied an event about an order, in its transaction: when
     * the order is an erased customer's, the event's payload and the order's delivery details lose
     * the person again (what the event brought: a parcel number, an address).
     */
    public void afterIngest(StorefrontId storefront, String eventId, String orderNumber) {
        boolean erased = jdbc.sql("""
                        select exists (select 1 from customer_order o join customer c on c.id = o.customer_id
                                        where o.storefront_id = :storefront and o.order_number = :number
                                          and c.erased_at is not null)
                        """)
                .param("storefront", storefront.value())
                .param("number", orderNumber)
                .query(Boolean.class)
                .single();
        if (!erased) {
            return;
        }
        // the ingestion changed the order as an entity: written first, then forgotten, so that its
        // stale copy neither fails on the new version nor writes the parcel number back at commit
        entities.flush();
        jdbc.sql("""
                        update customer_order
                           set ship_recipient_name = null, ship_postal_code = null, ship_address = null,
                               ship_phone = null, tracking_number = null, updated_at = now(), version = version + 1
                         where storefront_id = :storefront and order_number = :number
                        """)
                .param("storefront", storefront.value())
                .param("number", orderNumber)
                .update();
        entities.clear();
        jdbc.sql(
                        "select payload::text, detail::text from inbound_event where storefront_id = :storefront and event_id = :id")
                .param("storefront", storefront.value())
                .param("id", eventId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .ifPresent(event -> redact(storefront.value(), eventId, event[0], event[1], List.of()));
    }

    /** @param quoted the person's values ({@link PersonalValues#of}), read before anything was erased */
    void anonymise(CustomerId customer, List<String> quoted) {
        record Event(long storefront, String id, String payload, String detail) {}
        List<Event> events = jdbc.sql("""
                        select e.storefront_id, e.event_id, e.payload::text, e.detail::text from inbound_event e
                         where (e.storefront_id, e.order_number) in (select o.storefront_id, o.order_number
                                                                       from customer_order o
                                                                      where o.customer_id = :customer)
                            or (e.storefront_id, e.order_ref) in (select o.storefront_id, o.external_id
                                                                    from customer_order o
                                                                   where o.customer_id = :customer
                                                                     and o.external_id is not null)
                            or (e.storefront_id, e.customer_ref) in (select x.storefront_id, x.external_id
                                                                       from customer_external_id x
                                                                      where x.customer_id = :customer)
                            or (e.event_type not like 'order.%'
                                and exists (select 1 from unnest(string_to_array(:quoted, chr(31))) q(v)
                                             where strpos(e.payload::text, q.v) > 0))
                        """)
                .param("customer", customer.value())
                // one parameter for any number of values: joined by the unit separator, which no name holds
                .param("quoted", String.join("\u001f", quoted))
                .query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        for (Event event : events) {
            redact(event.storefront(), event.id(), event.payload(), event.detail(), quoted);
        }
    }

    private void redact(long storefront, String eventId, String payload, String detail, List<String> quoted) {
        jdbc.sql("""
                        update inbound_event set payload = cast(:payload as jsonb), detail = cast(:detail as jsonb),
                                                 tracking_no = null
                         where storefront_id = :storefront and event_id = :id
                        """)
                .param("payload", PersonalFields.redact(payload, quoted))
                .param("detail", PersonalFields.redact(detail, quoted))
                .param("storefront", storefront)
                .param("id", eventId)
                .update();
    }
}
