package com.aftercare.domain.webhook;

import com.aftercare.domain.privacy.CustomerErased;
import com.aftercare.domain.privacy.PersonalValues;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The erased customer leaves the webhook deliveries that quote them: their email (a coupon issued,
 * an opt-out), their name or phone (a chat reply's body and author). Each value they are known by
 * ({@link PersonalValues}) is replaced; the ids and event types stay, so the delivery log still
 * adds up. Runs in the erasure's transaction, while the customer row still holds the values.
 */
@Component
class ErasedCustomerWebhooks {

    private final JdbcClient jdbc;
    private final PersonalValues personalValues;

    ErasedCustomerWebhooks(JdbcClient jdbc, PersonalValues personalValues) {
        this.jdbc = jdbc;
        this.personalValues = personalValues;
    }

    @EventListener
    void on(CustomerErased event) {
        for (String value : personalValues.of(event.customer())) {
            jdbc.sql("""
                            update webhook_delivery set payload = replace(payload, :value, '[erased]'), updated_at = now()
                             where strpos(payload, :value) > 0
                            """).param("value", value).update();
        }
    }
}
