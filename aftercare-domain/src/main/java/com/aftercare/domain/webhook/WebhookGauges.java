package com.aftercare.domain.webhook;

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
 * Webhook deliveries waiting as gauges ({@code aftercare.webhook.outbox{state}}, {@code
 * aftercare.webhook.outbox.oldest.due}): pending (due or backing off) and being delivered. A
 * receiver that is down shows as a growing age long before its deliveries give up.
 */
@Component
class WebhookGauges implements MeterBinder {

    private final MetricSnapshot<Depth> depth;

    WebhookGauges(JdbcClient jdbc, @Value("${aftercare.metrics.snapshot-max-age:10s}") Duration maxAge) {
        this.depth = new MetricSnapshot<>(() -> read(jdbc), maxAge);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        QueueGauges.bind(
                registry,
                "aftercare.webhook.outbox",
                "Webhook deliveries waiting, by state",
                List.of("pending", "delivering"),
                depth);
    }

    private static Depth read(JdbcClient jdbc) {
        return jdbc.sql("""
                        select (select count(*) from webhook_delivery where status = 'PENDING') as pending,
                               (select count(*) from webhook_delivery where status = 'DELIVERING') as delivering,
                               coalesce(extract(epoch from now() - (
                                   select min(next_attempt_at) from webhook_delivery
                                    where status = 'PENDING' and next_attempt_at <= now())), 0) as oldest
                        """)
                .query((rs, i) -> new Depth(
                        Map.of("pending", rs.getLong("pending"), "delivering", rs.getLong("delivering")),
                        rs.getDouble("oldest")))
                .single();
    }
}
