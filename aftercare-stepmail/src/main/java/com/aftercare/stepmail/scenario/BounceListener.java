package com.aftercare.stepmail.scenario;

import com.aftercare.domain.mail.AddressBounced;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After a hard bounce, the customer's waiting step mails are cancelled, so the scenario figures
 * show why they never went. (The scheduler also refuses a bouncing address when a mail falls due,
 * and mail already in the outbox was cancelled with the bounce itself.)
 */
@Component
class BounceListener {

    private final JdbcClient jdbc;

    BounceListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AddressBounced event) {
        jdbc.sql("""
                        update step_mail m set status = 'CANCELLED', reason = :reason, updated_at = now()
                          from enrolment e, customer_view c
                         where e.id = m.enrolment_id and c.id = e.customer_id
                           and c.email_normalized = :address and m.status in ('SCHEDULED', 'HELD')
                        """)
                .param("reason", StepMailScheduler.BOUNCING)
                .param("address", event.address())
                .update();
    }
}
