package com.aftercare.stepmail.scenario;

import com.aftercare.domain.consent.MarketingConsent.ConsentWithdrawn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After an opt-out, the customer's waiting promotional step mails are skipped. (Promotional mail
 * already in the outbox was withdrawn with the opt-out itself, and the scheduler re-checks consent,
 * so this only tidies what would otherwise be skipped when due.)
 */
@Component
class OptOutListener {

    private final JdbcClient jdbc;

    OptOutListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ConsentWithdrawn event) {
        jdbc.sql("""
                        update step_mail m set status = 'SKIPPED', reason = 'customer opted out', updated_at = now()
                          from enrolment e, scenario_step st
                         where e.id = m.enrolment_id and st.id = m.step_id
                           and e.customer_id = :customer and st.kind = 'PROMOTIONAL'
                           and m.status in ('SCHEDULED', 'HELD')
                        """).param("customer", event.customer().value()).update();
    }
}
