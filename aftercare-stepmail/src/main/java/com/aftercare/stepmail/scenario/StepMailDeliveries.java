package com.aftercare.stepmail.scenario;

import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.shared.Exports;
import com.aftercare.domain.shared.InvalidValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every step mail one by one, as the scenario figures count them ({@link Scenarios.Figures}): to
 * whom, on which channel, and how it fared. It answers the question the figures raise ("which
 * three failed?") as a CSV file, so it streams with a cursor and never holds the list.
 */
@Service
@NamedInterface("scenarios")
public class StepMailDeliveries {

    /**
     * How one step mail fared, in the figures' words: not yet due, held for an open claim, in an
     * outbox, sent (on either channel), failed (refused, undeliverable), or not sent at all.
     */
    public static final List<String> STATES =
            List.of("SCHEDULED", "HELD", "QUEUED", "SENT", "FAILED", "CANCELLED", "SKIPPED");

    /** The deliveries wanted: one scenario (or all), one step of it (or all), one state (or all). */
    public record Filter(Long scenario, Long step, String state) {

        public Filter {
            if (state != null && !STATES.contains(state)) {
                throw new InvalidValue("state", "is not one of " + STATES);
            }
            if (step != null && scenario == null) {
                throw new InvalidValue("step", "needs its scenario");
            }
        }
    }

    /**
     * One step mail. {@code channel} is {@code MAIL} or {@code LINE} once it left the scheduler
     * (a LINE notice LINE did not take and that went by mail counts as mail), null before. {@code
     * email} is masked unless the caller asked for it whole.
     */
    public record Delivery(
            long id,
            String scenario,
            int step,
            String template,
            String customerName,
            String email,
            String channel,
            String state,
            Instant dueAt,
            Instant sentAt) {}

    private final JdbcClient jdbc;

    StepMailDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every step mail the filter keeps, latest due first, streamed row by row with a cursor
     * ({@link Exports#FETCH_SIZE}): nothing is held but the driver's fetch buffer.
     *
     * @param reveal whether the customer's email is written whole (the caller checked the right)
     */
    @Transactional(readOnly = true)
    public void each(Filter filter, boolean reveal, Consumer<Delivery> delivery) {
        jdbc.sql("""
                        select d.id, sc.name as scenario, st.position, st.template, c.name as customer_name, c.email,
                               d.channel, d.state, d.due_at, d.sent_at
                          from (%s) d
                          join scenario_step st on st.id = d.step_id
                          join scenario sc on sc.id = st.scenario_id
                          join enrolment e on e.id = d.enrolment_id
                          join customer_view c on c.id = e.customer_id
                         where (cast(:scenario as bigint) is null or st.scenario_id = :scenario)
                           and (cast(:step as bigint) is null
                                or coalesce(st.origin_id, st.id) = (select coalesce(origin_id, id) from scenario_step where id = :step))
                           and (cast(:state as text) is null or d.state = :state)
                         order by d.due_at desc, d.id desc
                        """.formatted(StepMailOutcomes.ROWS))
                .param("scenario", filter.scenario())
                .param("step", filter.step())
                .param("state", filter.state())
                .withFetchSize(Exports.FETCH_SIZE)
                .query((RowCallbackHandler) rs -> delivery.accept(delivery(rs, reveal)));
    }

    private static Delivery delivery(ResultSet rs, boolean reveal) throws SQLException {
        String email = rs.getString("email");
        return new Delivery(
                rs.getLong("id"),
                rs.getString("scenario"),
                rs.getInt("position"),
                rs.getString("template"),
                rs.getString("customer_name"),
                email == null || reveal ? email : EmailAddress.of(email).masked(),
                rs.getString("channel"),
                rs.getString("state"),
                instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
