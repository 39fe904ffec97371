package com.aftercare.inquiry;

import com.aftercare.domain.operator.Operators;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members of a team take turns: the next available member after the one who got the team's last
 * inquiry, in the order of their accounts, wrapping around. The cursor lives in the team's row
 * and is read with a row lock held until the inquiry's transaction ends, so concurrent inquiries,
 * on one instance or several, are dealt out one after the other and nobody's turn is taken twice.
 */
@Component
class RoundRobinTeam {

    private final JdbcClient jdbc;
    private final Operators operators;

    RoundRobinTeam(JdbcClient jdbc, Operators operators) {
        this.jdbc = jdbc;
        this.operators = operators;
    }

    /** Must run inside the transaction that assigns the inquiry. */
    Optional<Operators.Account> next(long teamId) {
        long last = jdbc.sql("select coalesce(last_assigned_operator_id, 0) from team where id = :team for update")
                .param("team", teamId)
                .query(Long.class)
                .single();
        record Member(long id, String username) {}
        Optional<Member> next = jdbc.sql("""
                        select o.id, o.username from team_member m join %s on o.id = m.operator_id
                         where m.team_id = :team and %s
                         order by (o.id <= :last), o.id
                         limit 1
                        """.formatted(OperatorAvailability.OPERATORS, OperatorAvailability.TAKES_WORK))
                .param("team", teamId)
                .param("last", last)
                .query((rs, i) -> new Member(rs.getLong(1), rs.getString(2)))
                .optional();
        next.ifPresent(member -> jdbc.sql("update team set last_assigned_operator_id = :id where id = :team")
                .param("id", member.id())
                .param("team", teamId)
                .update());
        return next.flatMap(member -> operators.find(member.username()));
    }
}
