package com.aftercare.inquiry;

import com.aftercare.domain.shared.MetricSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The desk's SLA as gauges, {@code aftercare.inquiries.sla{state}}: open inquiries past their
 * due time (breached) and due within the hour, the same counts the console's home shows.
 */
@Component
class InquiryGauges implements MeterBinder {

    private final MetricSnapshot<InquiryQueue.Summary> summary;

    InquiryGauges(InquiryQueue queue, @Value("${aftercare.metrics.snapshot-max-age:10s}") Duration maxAge) {
        this.summary = new MetricSnapshot<>(() -> queue.summary(null), maxAge);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("aftercare.inquiries.sla", summary, s -> s.get().overdue())
                .description("Open inquiries past their SLA due time (breached) or due within the hour")
                .tag("state", "overdue")
                .register(registry);
        Gauge.builder("aftercare.inquiries.sla", summary, s -> s.get().dueSoon())
                .description("Open inquiries past their SLA due time (breached) or due within the hour")
                .tag("state", "due_soon")
                .register(registry);
    }
}
