package com.aftercare.inquiry;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * When an inquiry must get its first answer and its resolution: targets per priority, counted in
 * business hours. A channel may promise a faster first answer (chat, a phone call-back); then the
 * faster of the two applies. A pure function of its inputs, so it is unit-tested without Spring.
 */
final class SlaPolicy {

    /** The two targets of one priority, in business time. */
    record Target(Duration firstResponse, Duration resolution) {}

    /** The due times of one inquiry. */
    record Due(Instant firstResponse, Instant resolution) {}

    private final BusinessHours hours;
    private final Map<Priority, Target> targets;
    private final Map<Channel, Duration> firstResponseByChannel;

    SlaPolicy(BusinessHours hours, Map<Priority, Target> targets, Map<Channel, Duration> firstResponseByChannel) {
        this.hours = hours;
        this.targets = new EnumMap<>(defaults(hours));
        if (targets != null) {
            this.targets.putAll(targets);
        }
        this.firstResponseByChannel = firstResponseByChannel == null || firstResponseByChannel.isEmpty()
                ? Map.of()
                : new EnumMap<>(firstResponseByChannel);
    }

    /** URGENT 1h/8h, HIGH 4h/2 business days, NORMAL 1/3 business days, LOW 2/5 business days. */
    static Map<Priority, Target> defaults(BusinessHours hours) {
        Duration day = hours.day();
        Map<Priority, Target> defaults = new EnumMap<>(Priority.class);
        defaults.put(Priority.URGENT, new Target(Duration.ofHours(1), Duration.ofHours(8)));
        defaults.put(Priority.HIGH, new Target(Duration.ofHours(4), day.multipliedBy(2)));
        defaults.put(Priority.NORMAL, new Target(day, day.multipliedBy(3)));
        defaults.put(Priority.LOW, new Target(day.multipliedBy(2), day.multipliedBy(5)));
        return defaults;
    }

    Due due(Channel channel, Priority priority, Instant receivedAt) {
        Target target = targets.get(priority);
        Duration firstResponse = target.firstResponse();
        Duration byChannel = firstResponseByChannel.get(channel);
        if (byChannel != null && byChannel.compareTo(firstResponse) < 0) {
            firstResponse = byChannel;
        }
        return new Due(hours.plus(receivedAt, firstResponse), hours.plus(receivedAt, target.resolution()));
    }

    /** The length of one working day: what "a business day" means for targets and automations. */
    Duration businessDay() {
        return hours.day();
    }

    /** The business time from {@code from} to {@code to}: a pause, a time to respond or resolve. */
    Duration businessTime(Instant from, Instant to) {
        return hours.between(from, to);
    }

    /**
     * A due time moved on by business time already paused, so the customer's silence is not
     * counted against the desk.
     */
    Instant extended(Instant due, Duration paused) {
        return paused.isZero() ? due : hours.plus(due, paused);
    }
}
