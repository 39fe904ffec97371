package com.aftercare.domain.mail.outbox;

import com.aftercare.domain.consent.MarketingConsent.ConsentWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An opt-out takes effect at once: promotional mail already queued for the customer is withdrawn
 * in the opt-out's own transaction (a plain, synchronous listener, not a module listener after
 * commit), so not one more goes out. The dispatcher also re-checks consent when it claims a mail.
 */
@Component
class OptOutWithdrawal {

    private final JdbcClient jdbc;

    OptOutWithdrawal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConsentWithdrawn event) {
        jdbc.sql("""
                        update outbound_mail set status = 'CANCELLED', last_error = 'customer opted out', updated_at = now()
                         where customer_id = :customer and kind = 'PROMOTIONAL' and status = 'PENDING'
                        """).param("customer", event.customer().value()).update();
    }
}
