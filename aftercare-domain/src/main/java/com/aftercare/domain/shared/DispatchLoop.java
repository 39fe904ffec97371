package com.aftercare.domain.shared;

import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling loop of a dispatcher that claims batches (the mail outbox, outgoing webhooks): after
 * a full batch the next one is claimed at once, a failed round is logged and left to the next
 * poll (claims and leases make it safe), and once the application is closing no further batch is
 * claimed. Otherwise, with a backlog, the loop never ends, the instance is killed when its stop
 * timeout runs out, and the batch it was handing over is parked as UNKNOWN (the mail dispatch
 * benchmark saw it).
 */
public final class DispatchLoop {

    private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

    private final String what;
    private final IntSupplier round;
    private final int batchSize;
    private volatile boolean closing;

    /**
     * @param what named in the log, e.g. "Mail dispatch"
     * @param round dispatches one batch and says how many it took
     */
    public DispatchLoop(String what, IntSupplier round, int batchSize) {
        this.what = what;
        this.round = round;
        this.batchSize = batchSize;
    }

    /** One poll: batches until one is not full, or the application is closing. */
    public void poll() {
        try {
            while (!closing && round.getAsInt() == batchSize) {
                log.debug("{}: full batch, claiming the next one", what);
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; claims and leases make the next poll safe
            log.error("{} round failed", what, e);
        }
    }

    /** Shutting down: the batch in hand is finished, no further one is claimed. */
    public void stop() {
        closing = true;
    }
}
