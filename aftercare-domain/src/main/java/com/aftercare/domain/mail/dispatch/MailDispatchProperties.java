package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.shared.InstanceIds;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftercare.mail.*}: the sender and how the dispatcher drains the outbox.
 *
 * @param from the From header of every mail
 */
@ConfigurationProperties("aftercare.mail")
record MailDispatchProperties(
        @DefaultValue("Aftercare <noreply@aftercare.local>") String from,
        @DefaultValue Dispatcher dispatcher) {

    /**
     * @param enabled poll on a schedule; off in tests and on instances that must not send
     * @param pollInterval pause between polls when the previous batch was not full
     * @param batchSize mails claimed (and sent over one SMTP connection) per round
     * @param lease how long a claim protects a mail from other dispatchers
     * @param maxAttempts after this many temporary failures a mail becomes FAILED
     * @param inFlightGroup mails marked IN_FLIGHT (and, once accepted, SENT) together, in one
     *     statement each: fewer round trips per mail, but a dispatcher that dies mid-group leaves up
     *     to this many mails parked as UNKNOWN, including some that never reached the server
     * @param instanceId who claims; unique per running instance
     */
    record Dispatcher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("100") int batchSize,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("10") int inFlightGroup,
            String instanceId) {

        Dispatcher {
            if (batchSize < 1) {
                throw new IllegalArgumentException("aftercare.mail.dispatcher.batch-size must be at least 1");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("aftercare.mail.dispatcher.max-attempts must be at least 1");
            }
            if (inFlightGroup < 1) {
                throw new IllegalArgumentException("aftercare.mail.dispatcher.in-flight-group must be at least 1");
            }
            if (lease.toSeconds() < 1) {
                throw new IllegalArgumentException("aftercare.mail.dispatcher.lease must be at least 1s");
            }
            if (instanceId == null || instanceId.isBlank()) {
                instanceId = InstanceIds.ofThisProcess();
            }
        }

        Dispatcher withInstanceId(String id) {
            return new Dispatcher(enabled, pollInterval, batchSize, lease, maxAttempts, inFlightGroup, id);
        }

        Dispatcher withBatchSize(int size) {
            return new Dispatcher(enabled, pollInterval, size, lease, maxAttempts, inFlightGroup, instanceId);
        }

        Dispatcher withInFlightGroup(int size) {
            return new Dispatcher(enabled, pollInterval, batchSize, lease, maxAttempts, size, instanceId);
        }
    }

    MailDispatchProperties withDispatcher(Dispatcher other) {
        return new MailDispatchProperties(from, other);
    }
}
