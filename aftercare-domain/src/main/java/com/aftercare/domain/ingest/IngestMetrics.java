package com.aftercare.domain.ingest;

import com.aftercare.domain.shared.OutcomeCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts events by type and what became of them ({@code aftercare.events.ingested{type,result}})
 * and times their ingestion ({@code aftercare.events.ingest{type}}). Counted when the transaction
 * ends, not when the event is applied: an event whose transaction rolled back (a lock timeout, a
 * refused value found late) was not taken, and shows as {@code result="rolled_back"}.
 */
@Component
class IngestMetrics {

    static final String DUPLICATE = "duplicate";
    static final String ROLLED_BACK = "rolled_back";

    private final MeterRegistry registry;

    IngestMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = OutcomeCounters.registryOf(registry);
    }

    /** Registers what to count once the current transaction ends. */
    void onCompletion(String type, long startedNanos, IngestOutcome outcome) {
        String result =
                outcome.duplicate() ? DUPLICATE : outcome.result().name().toLowerCase(Locale.ROOT);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                record(type, status == STATUS_COMMITTED ? result : ROLLED_BACK, startedNanos);
            }
        });
    }

    private void record(String type, String result, long startedNanos) {
        Counter.builder("aftercare.events.ingested")
                .description("Storefront events received, by type and what became of them")
                .tag("type", type)
                .tag("result", result)
                .register(registry)
                .increment();
        Timer.builder("aftercare.events.ingest")
                .description("Time to take one event in, from the start of its transaction to its commit")
                .tag("type", type)
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
