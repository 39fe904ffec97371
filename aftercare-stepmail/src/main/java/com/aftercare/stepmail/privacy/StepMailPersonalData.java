package com.aftercare.stepmail.privacy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.privacy.CustomerErased;
import com.aftercare.domain.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Step mail holds no text about a person, only which mails are due to whom. Erased, every step mail
 * and newsletter still waiting for the customer is cancelled (mail already queued is withdrawn by the
 * outbox itself); the enrolments stay for the scenario's figures.
 */
@Component
class StepMailPersonalData implements PersonalData {

    private static final String REASON = "customer erased";

    private final JdbcClient jdbc;

    StepMailPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomerErased event) {
        jdbc.sql("""
                        update step_mail m set status = 'CANCELLED', reason = :reason, updated_at = now()
                          from enrolment e
                         where e.id = m.enrolment_id and e.customer_id = :customer and m.status in ('SCHEDULED', 'HELD')
                        """)
                .param("reason", REASON)
                .param("customer", event.customer().value())
                .update();
        jdbc.sql("""
                        update newsletter_delivery set status = 'CANCELLED', reason = :reason, updated_at = now()
                         where customer_id = :customer and status = 'SCHEDULED'
                        """)
                .param("reason", REASON)
                .param("customer", event.customer().value())
                .update();
    }

    @Override
    public Map<String, List<Map<String, Object>>> sectionsOf(CustomerId customer) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("step-mails", select("""
                select s.name as scenario, m.due_at, m.status, m.reason
                  from step_mail m join enrolment e on e.id = m.enrolment_id join scenario s on s.id = e.scenario_id
                 where e.customer_id = :customer order by m.due_at, m.id
                """, customer));
        sections.put("newsletters", select("""
                select n.subject, d.due_at, d.status, d.reason
                  from newsletter_delivery d join newsletter n on n.id = d.newsletter_id
                 where d.customer_id = :customer order by d.due_at, d.id
                """, customer));
        return sections;
    }

    private List<Map<String, Object>> select(String sql, CustomerId customer) {
        return PersonalData.rows(
                jdbc.sql(sql).param("customer", customer.value()).query().listOfRows());
    }
}
