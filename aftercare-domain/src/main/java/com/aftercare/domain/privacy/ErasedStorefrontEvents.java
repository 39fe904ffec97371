package com.aftercare.domain.privacy;

import com.aftercare.domain.customer.CustomerId;
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
 * <p>Finding the customer events reads every non-order event's text once per erasure (there is no
 * index by person in a storefront's payload); an erasure is a rare, operator-driven act.
 */
@Component
class ErasedStorefrontEvents {

    private final JdbcClient jdbc;

    ErasedStorefrontEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param quoted the person's values ({@link PersonalValues#of}), read before anything was erased */
    void anonymise(CustomerId customer, List<String> quoted) {
        record Event(long storefront, String id, String payload, String detail) {}
        List<Event> events = jdbc.sql("""
                        select e.storefront_id, e.event_id, e.payload::text, e.detail::text from inbound_event e
                         where exists (select 1 from customer_order o
                                        where o.customer_id = :customer and o.storefront_id = e.storefront_id
                                          and (e.order_number = o.order_number or e.order_ref = o.external_id))
                            or exists (select 1 from customer_external_id x
                                        where x.customer_id = :customer and x.storefront_id = e.storefront_id
                                          and e.customer_ref = x.external_id)
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
            jdbc.sql("""
                            update inbound_event set payload = cast(:payload as jsonb), detail = cast(:detail as jsonb),
                                                     tracking_no = null
                             where storefront_id = :storefront and event_id = :id
                            """)
                    .param("payload", PersonalFields.redact(event.payload(), quoted))
                    .param("detail", PersonalFields.redact(event.detail(), quoted))
                    .param("storefront", event.storefront())
                    .param("id", event.id())
                    .update();
        }
    }
}
