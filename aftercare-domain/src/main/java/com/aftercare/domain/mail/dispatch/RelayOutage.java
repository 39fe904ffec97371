package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.shared.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An SMTP relay that refused this instance's connections {@code failures} times in a row: the
 * next connection is tried at {@code retryAt}, and the mails waiting for it carry {@code error}.
 */
record RelayOutage(int failures, Instant retryAt, String error) {

    /**
     * The longest wait between two tries. Shorter than the mail back-off's hour: a try costs one
     * connection, and a relay that came back should not leave a whole outbox waiting long.
     */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    /** The outage after one more failed connection at {@code now} ({@code previous} may be null). */
    static RelayOutage after(RelayOutage previous, Instant now, String error) {
        int failures = previous == null ? 1 : previous.failures() + 1;
        Duration wait = Backoff.after(failures, ThreadLocalRandom.current().nextDouble());
        return new RelayOutage(failures, now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait), error);
    }
}
