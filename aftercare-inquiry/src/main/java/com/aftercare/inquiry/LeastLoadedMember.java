package com.aftercare.inquiry;

import com.aftercare.domain.operator.Operators;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The available member of a team with the fewest active (NEW, OPEN, WAITING) inquiries; ties go
 * to the longest-standing account. Not serialised: two inquiries assigned at the same instant may
 * go to the same person, which the next assignment evens out (use round robin for strict turns).
 */
@Component
class LeastLoadedMember {

    private final JdbcClient jdbc;
    private final Operators operators;

    LeastLoadedMember(JdbcClient jdbc, Operators operators) {
        this.jdbc = jdbc;
        this.operators = operators;
    }

    Optional<Operators.Account> among(long teamId) {
        return jdbc.sql("""
                        select o.username from %s
                        where %s and o.id in (select m.operator_id from team_member m where m.team_id = :team)
                        order by (select count(*) from inquiry i
                                  where i.assignee_operator_id = o.id
                                    and i.status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')),
                                 o.id
                        limit 1
                        """.formatted(OperatorAvailability.OPERATORS, OperatorAvailability.TAKES_WORK))
                .param("team", teamId)
                .query(String.class)
                .optional()
                .flatMap(operators::find);
    }
}
