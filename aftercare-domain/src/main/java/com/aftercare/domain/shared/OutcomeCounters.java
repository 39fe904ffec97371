package com.aftercare.domain.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One counter per outcome of a piece of work ({@code result} tag), registered up front so that
 * every outcome shows as 0 before it first happens: an alert on a rate of failures needs the
 * series to exist while there are none.
 */
public final class OutcomeCounters {

    private final Map<String, Counter> counters = new LinkedHashMap<>();

    public OutcomeCounters(MeterRegistry registry, String name, String description, String... results) {
        for (String result : results) {
            counters.put(
                    result,
                    Counter.builder(name)
                            .description(description)
                            .tag("result", result)
                            .register(registry));
        }
    }

    public void add(String result, int amount) {
        if (amount > 0) {
            Counter counter = counters.get(result);
            if (counter == null) {
                throw new IllegalArgumentException("unknown result " + result);
            }
            counter.increment(amount);
        }
    }

    public void increment(String result) {
        add(result, 1);
    }

    /**
     * The application's registry, or Micrometer's global one where the module runs without
     * Spring Boot's metrics (the domain's own tests): there it counts into nothing.
     */
    public static MeterRegistry registryOf(ObjectProvider<MeterRegistry> registry) {
        return registry.getIfAvailable(() -> Metrics.globalRegistry);
    }
}
