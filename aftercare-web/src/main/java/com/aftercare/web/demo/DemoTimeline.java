package com.aftercare.web.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's past as a list of things that happen at a moment (an order placed, a reply sent, a
 * refund paid), replayed in time order with the {@link DemoClock} set to each moment. What lies
 * after the present is left out: a recent order is simply not delivered yet.
 */
final class DemoTimeline {

    private static final Logger log = LoggerFactory.getLogger(DemoTimeline.class);

    private record Happening(Instant at, int sequence, String what, Runnable action) {}

    /** What a replay did; {@code failed} counts refusals the services gave (logged each). */
    record Replayed(int happened, int failed) {}

    private final List<Happening> happenings = new ArrayList<>();

    /** Plans {@code action} for {@code at}; the same moment keeps the order of planning. */
    void at(Instant at, String what, Runnable action) {
        happenings.add(new Happening(at, happenings.size(), what, action));
    }

    /**
     * Runs everything planned before {@code now}, in time order, the clock set to each moment, and
     * {@code afterEach} after each of them at the same moment (what a live shop's background work
     * would have done then, such as sending the mails just queued).
     */
    Replayed replay(DemoClock clock, Instant now, Runnable afterEach) {
        int happened = 0;
        int failed = 0;
        List<Happening> inOrder = happenings.stream()
                .filter(h -> h.at().isBefore(now))
                .sorted(Comparator.comparing(Happening::at).thenComparing(Happening::sequence))
                .toList();
        try {
            for (Happening happening : inOrder) {
                clock.travelTo(happening.at());
                try {
                    happening.action().run();
                    afterEach.run();
                    happened++;
                } catch (RuntimeException e) {
                    // a seed the rules refuse is a bug of the seed, not a reason to stop the demo
                    failed++;
                    log.warn(
                            "Demo history: {} at {} was refused: {}", happening.what(), happening.at(), e.getMessage());
                }
            }
        } finally {
            clock.backToNow();
        }
        return new Replayed(happened, failed);
    }
}
