package com.aftercare.inquiry;

import com.aftercare.domain.operator.Operators;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The enabled OPERATOR or SUPERVISOR with the fewest active (NEW, OPEN, WAITING) inquiries; ties
 * go to the longest-standing account. Not serialised: two inquiries assigned at the same instant
 * may go to the same person, which the next assignment evens out.
 */
class LeastLoadedOperatorRule implements AssignmentRule {

    private final JdbcClient jdbc;
    private final Operators operators;

    LeastLoadedOperatorRule(JdbcClient jdbc, Operators operators) {
        this.jdbc = jdbc;
        this.operators = operators;
    }

    @Override
    public Optional<Operators.Account> choose(Inquiries.InquiryView inquiry) {
        return jdbc.sql("""
                        select o.username from operator o
                        where o.enabled and o.role in ('OPERATOR', 'SUPERVISOR')
                          and (o.locked_until is null or o.locked_until < now())
                        order by (select count(*) from inquiry i
                                  where i.assignee_operator_id = o.id
                                    and i.status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')),
                                 o.id
                        limit 1
                        """).query(String.class).optional().flatMap(operators::find);
    }
}
