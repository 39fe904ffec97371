package com.aftercare.stepmail.privacy;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.MergeableRecords;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged-away customer's step mail enrolments, holds, stops and newsletter deliveries move to the
 * survivor. An enrolment in a scenario the survivor already follows for the same order, or a
 * newsletter both got, stays with the tombstone: the survivor is never enrolled or mailed twice.
 */
@Component
class StepMailMergeableRecords implements MergeableRecords {

    private final JdbcClient jdbc;

    StepMailMergeableRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> countsOf(CustomerId customer) {
        return Map.of(
                "enrolments",
                jdbc.sql("select count(*) from enrolment where customer_id = :id")
                        .param("id", customer.value())
                        .query(Integer.class)
                        .single());
    }

    @Override
    public void move(CustomerId from, CustomerId into) {
        for (String sql : new String[] {
            """
            update enrolment e set customer_id = :into
             where e.customer_id = :from
               and not exists (select 1 from enrolment k where k.customer_id = :into
                                and k.scenario_id = e.scenario_id and k.order_id is not distinct from e.order_id)
            """,
            "update step_mail_hold set customer_id = :into where customer_id = :from",
            "update step_mail_stop set customer_id = :into where customer_id = :from",
            """
            update newsletter_delivery d set customer_id = :into
             where d.customer_id = :from
               and not exists (select 1 from newsletter_delivery k where k.customer_id = :into
                                and k.newsletter_id = d.newsletter_id)
            """
        }) {
            jdbc.sql(sql)
                    .param("into", into.value())
                    .param("from", from.value())
                    .update();
        }
    }
}
