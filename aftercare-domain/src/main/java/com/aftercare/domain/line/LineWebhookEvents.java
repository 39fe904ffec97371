package com.aftercare.domain.line;

import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * LINE's webhook events already taken, by {@code webhookEventId}: LINE redelivers an event it got
 * no 200 for ({@code deliveryContext.isRedelivery}), and a redelivery must change nothing. The row
 * is written in the transaction that takes the event, so an event whose handling failed is taken
 * afresh when it comes again.
 */
@Service
public class LineWebhookEvents {

    private final JdbcClient jdbc;

    LineWebhookEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event; false when it was taken before (a concurrent first delivery waits on the
     * primary key until the other commits, then finds it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstTime(
            StorefrontId storefront, String webhookEventId, String type, boolean redelivery, Instant at) {
        return jdbc.sql("""
                                insert into line_webhook_event (storefront_id, webhook_event_id, event_type, redelivery, received_at)
                                values (:storefront, :id, :type, :redelivery, :at)
                                on conflict do nothing
                                """)
                        .param("storefront", storefront.value())
                        .param("id", webhookEventId)
                        .param("type", type)
                        .param("redelivery", redelivery)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Whether the event was taken before (a cheap look before fetching content for it). */
    @Transactional(readOnly = true)
    public boolean seen(StorefrontId storefront, String webhookEventId) {
        return jdbc.sql("""
                                select count(*) from line_webhook_event
                                 where storefront_id = :storefront and webhook_event_id = :id
                                """)
                        .param("storefront", storefront.value())
                        .param("id", webhookEventId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
