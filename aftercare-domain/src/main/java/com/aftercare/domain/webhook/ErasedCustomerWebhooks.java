package com.aftercare.domain.webhook;

import com.aftercare.domain.privacy.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's email leaves the webhook deliveries that carry it (a coupon issued, an
 * opt-out); the ids and event types stay, so the delivery log still adds up. Runs in the erasure's
 * transaction, while {@code customer_view} still holds the address.
 */
@Component
class ErasedCustomerWebhooks {

    private final JdbcClient jdbc;

    ErasedCustomerWebhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomerErased event) {
        jdbc.sql("""
                        update webhook_delivery d set payload = replace(d.payload, c.email, '[erased]'), updated_at = now()
                          from customer_view c
                         where c.id = :customer and strpos(d.payload, c.email) > 0
                        """).param("customer", event.customer().value()).update();
    }
}
