package com.aftercare.domain.shared;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;

/**
 * A durable queue (the mail outbox, the webhook deliveries) as gauges: {@code name{state=…}} for
 * the rows in each state, and {@code name.oldest.due} for the seconds the oldest due row has
 * waited. The age is the number to alert on: a dead receiver, a stuck dispatcher or a backlog
 * larger than the dispatchers drain all show as a growing age, whatever the depth.
 */
public final class QueueGauges {

    /** One reading of a queue: rows per state, and the age of the oldest due row (0 when none). */
    public record Depth(Map<String, Long> byState, double oldestDueSeconds) {}

    private QueueGauges() {}

    public static void bind(
            MeterRegistry registry, String name, String description, List<String> states, MetricSnapshot<Depth> depth) {
        for (String state : states) {
            Gauge.builder(name, depth, d -> d.get().byState().getOrDefault(state, 0L))
                    .description(description)
                    .tag("state", state)
                    .register(registry);
        }
        Gauge.builder(name + ".oldest.due", depth, d -> d.get().oldestDueSeconds())
                .description("Seconds the oldest due row has waited for a dispatcher (0 when none is due)")
                .baseUnit("seconds")
                .register(registry);
    }
}
