package com.aftercare.inquiry;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.NotFound;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether an operator takes new inquiries now (table {@code operator_availability}, V33): the desk's
 * own fact about a person, kept beside the domain's {@code operator} (read through
 * {@code operator_view}). An operator without a row is available; an unavailable one keeps their
 * work and their login. Assignment also passes over disabled and locked accounts.
 */
@Component
class OperatorAvailability {

    /** Operators with their availability: {@code o} is the operator, {@code a} their row, if any. */
    static final String OPERATORS = "operator_view o left join operator_availability a on a.operator_id = o.id";

    /** As a column: whether the operator switched themselves (or was switched) available. */
    static final String AVAILABLE = "coalesce(a.available, true)";

    /** Who can be given new work now, over {@link #OPERATORS}. */
    static final String TAKES_WORK =
            "o.enabled and " + AVAILABLE + " and (o.locked_until is null or o.locked_until < now())";

    private final JdbcClient jdbc;
    private final Operators operators;

    OperatorAvailability(JdbcClient jdbc, Operators operators) {
        this.jdbc = jdbc;
        this.operators = operators;
    }

    /** Must run inside the caller's transaction. */
    void set(String username, boolean available, String by) {
        long operator =
                operators.find(username).map(Operators.Account::id).orElseThrow(() -> NotFound.operator(username));
        jdbc.sql("""
                        insert into operator_availability (operator_id, available, updated_at, updated_by)
                        values (:operator, :available, now(), :by)
                        on conflict (operator_id) do update
                           set available = excluded.available, updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by
                        """)
                .param("operator", operator)
                .param("available", available)
                .param("by", by)
                .update();
    }

    /** Every enabled operator and supervisor, by username. */
    List<Teams.Availability> ofStaff() {
        return jdbc.sql("""
                        select o.username, o.display_name, o.role, %s from %s
                         where o.enabled and o.role in ('OPERATOR', 'SUPERVISOR') order by o.username
                        """.formatted(AVAILABLE, OPERATORS))
                .query((rs, i) ->
                        new Teams.Availability(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }
}
