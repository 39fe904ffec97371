package com.aftercare.domain.shared;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database for gauges, kept for a short while. One Prometheus scrape reads
 * several gauges of the same query (each state of the outbox, the age of its oldest mail), and
 * several scrapers may ask at once: the query runs once per {@code maxAge}, not once per gauge.
 */
public final class MetricSnapshot<T> {

    private final Supplier<T> read;
    private final long maxAgeNanos;
    private T value;
    private long readAt;

    public MetricSnapshot(Supplier<T> read, Duration maxAge) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt >= maxAgeNanos) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
