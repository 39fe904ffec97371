package com.aftercare.stepmail.privacy;

import com.aftercare.domain.customer.TableMoves;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merged-away customer's step mail enrolments, holds, stops and newsletter deliveries move to the
 * survivor. An enrolment in a scenario the survivor already follows for the same order, or a
 * newsletter both got, stays with the tombstone: the survivor is never enrolled or mailed twice.
 */
@Component
class StepMailMergeableRecords extends TableMoves {

    StepMailMergeableRecords(JdbcClient jdbc) {
        super(jdbc, "enrolments", "enrolment", """
                update enrolment e set customer_id = :into
                 where e.customer_id = :from
                   and not exists (select 1 from enrolment k where k.customer_id = :into
                                    and k.scenario_id = e.scenario_id and k.order_id is not distinct from e.order_id)
                """, all("step_mail_hold"), all("step_mail_stop"), """
                update newsletter_delivery d set customer_id = :into
                 where d.customer_id = :from
                   and not exists (select 1 from newsletter_delivery k where k.customer_id = :into
                                    and k.newsletter_id = d.newsletter_id)
                """);
    }
}
