package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.shared.MetricSnapshot;
import com.aftercare.domain.shared.QueueGauges;
import com.aftercare.domain.shared.QueueGauges.Depth;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail outbox as gauges ({@code aftercare.mail.outbox{state}}, {@code
 * aftercare.mail.outbox.oldest.due}): due now, scheduled later, being handed over, or parked
 * UNKNOWN for an operator. Each state is read through its partial index, at most once per
 * {@code aftercare.metrics.snapshot-max-age}.
 */
@Component
class OutboxGauges implements MeterBinder {

    private final MetricSnapshot<Depth> depth;

    OutboxGauges(JdbcClient jdbc, @Value("${aftercare.metrics.snapshot-max-age:10s}") Duration maxAge) {
        this.depth = new MetricSnapshot<>(() -> read(jdbc), maxAge);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        QueueGauges.bind(
                registry,
                "aftercare.mail.outbox",
                "Mails in the outbox by state",
                List.of("due", "scheduled", "in_flight", "unknown"),
                depth);
    }

    private static Depth read(JdbcClient jdbc) {
        return jdbc.sql("""
                        select (select count(*) from outbound_mail
                                 where status = 'PENDING' and next_attempt_at <= now()) as due,
                               (select count(*) from outbound_mail
                                 where status = 'PENDING' and next_attempt_at > now()) as scheduled,
                               (select count(*) from outbound_mail
                                 where status in ('CLAIMED', 'IN_FLIGHT')) as in_flight,
                               (select count(*) from outbound_mail where status = 'UNKNOWN') as unknown,
                               coalesce(extract(epoch from now() - (
                                   select min(next_attempt_at) from outbound_mail
                                    where status = 'PENDING' and next_attempt_at <= now())), 0) as oldest
                        """)
                .query((rs, i) -> new Depth(
                        Map.of(
                                "due", rs.getLong("due"),
                                "scheduled", rs.getLong("scheduled"),
                                "in_flight", rs.getLong("in_flight"),
                                "unknown", rs.getLong("unknown")),
                        rs.getDouble("oldest")))
                .single();
    }
}
