package com.aftercare.domain.shared;

import java.time.Duration;

/**
 * How long a mail waits after a temporary failure: 30 s, 1 min, 2 min… doubling up to one hour.
 * Up to a tenth is taken off at random so mails that failed together (a server outage) do not all
 * come back in the same second. Mails and outgoing webhooks wait the same way.
 */
public final class Backoff {

    public static final Duration FIRST = Duration.ofSeconds(30);
    public static final Duration CAP = Duration.ofHours(1);

    private Backoff() {}

    /**
     * @param failedAttempts attempts that have failed so far, at least 1
     * @param random a number in [0, 1) choosing the jitter
     */
    public static Duration after(int failedAttempts, double random) {
        // 2^7 * 30 s already exceeds the cap; clamping the exponent avoids overflow
        int exponent = Math.min(Math.max(failedAttempts, 1) - 1, 7);
        Duration delay = FIRST.multipliedBy(1L << exponent);
        if (delay.compareTo(CAP) > 0) {
            delay = CAP;
        }
        long jitterMillis = (long) (delay.toMillis() * 0.1 * random);
        return delay.minusMillis(jitterMillis);
    }
}
