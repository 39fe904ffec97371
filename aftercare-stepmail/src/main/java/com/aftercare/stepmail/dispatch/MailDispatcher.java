package com.aftercare.stepmail.dispatch;

import com.aftercare.domain.mail.MailSuppressions;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The one dispatcher that drains the mail outbox over SMTP, for every module. Safe to run on
 * several instances at once: each round claims a batch with a lease, and every later change is
 * guarded by the claim. See {@code docs/mail-pipeline.md} for the states and why a mail whose
 * hand-over broke off is parked as UNKNOWN instead of being sent again.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final OutboxRows rows;
    private final JavaMailSenderImpl sender;
    private final OutboxMessages messages;
    private final MailDispatchProperties.Dispatcher settings;
    private final MailSuppressions suppressions;

    MailDispatcher(
            OutboxRows rows,
            JavaMailSenderImpl sender,
            MailDispatchProperties properties,
            MailSuppressions suppressions) {
        this.rows = rows;
        this.suppressions = suppressions;
        this.sender = sender;
        this.messages = new OutboxMessages(properties.from());
        this.settings = properties.dispatcher();
    }

    /**
     * Parks mails abandoned mid-hand-over, then claims one batch of due mails and sends it over
     * one SMTP connection.
     *
     * @return how many mails this round claimed and dealt with (sent, retried later, failed,
     *     parked or given back); equal to the batch size when more may be waiting
     */
    public int dispatchDue() {
        int parked = rows.parkAbandonedInFlight();
        if (parked > 0) {
            log.warn("Parked {} mail(s) as UNKNOWN: a dispatcher died while handing them to SMTP", parked);
        }
        List<ClaimedMail> batch = rows.claim(settings.instanceId(), settings.lease(), settings.batchSize());
        if (!batch.isEmpty()) {
            deliver(batch);
        }
        return batch.size();
    }

    private void deliver(List<ClaimedMail> batch) {
        SmtpConnection connection;
        try {
            connection = SmtpConnection.open(sender);
        } catch (MessagingException | RuntimeException e) {
            log.warn("Cannot connect to the SMTP server; {} mail(s) will be retried", batch.size(), e);
            batch.forEach(mail -> retryOrFail(mail, "connect: " + describe(e)));
            return;
        }
        try (connection) {
            for (int i = 0; i < batch.size(); i++) {
                if (!deliverOne(connection, batch.get(i))) {
                    // the connection is gone: whatever was not handed over goes back untouched
                    rows.giveBack(
                            batch.subList(i, batch.size()).stream()
                                    .map(ClaimedMail::id)
                                    .toList(),
                            settings.instanceId());
                    return;
                }
            }
        }
    }

    /**
     * Builds, hands over and records one mail.
     *
     * @return false if the connection can carry no further mail
     */
    private boolean deliverOne(SmtpConnection connection, ClaimedMail mail) {
        String me = settings.instanceId();
        MimeMessage message;
        String messageId;
        try {
            message = messages.build(connection.session(), mail);
            messageId = message.getMessageID();
        } catch (MessagingException | RuntimeException e) {
            rows.fail(mail.id(), me, "cannot build the message: " + describe(e));
            return true;
        }
        if (!rows.markInFlight(mail.id(), me, settings.lease())) {
            log.info("Mail {} was taken over by another dispatcher; skipping it", mail.id());
            return true;
        }
        try {
            connection.send(message);
        } catch (IllegalStateException notConnected) {
            // Angus refuses before writing anything, so the mail was not handed over
            return false;
        } catch (MessagingException e) {
            return recordFailure(mail, e);
        }
        if (!rows.markSent(mail.id(), me, messageId)) {
            log.warn(
                    "Mail {} was accepted by the SMTP server as {} but its row was no longer ours "
                            + "(an operator released or dropped it meanwhile)",
                    mail.id(),
                    messageId);
        }
        return true;
    }

    private boolean recordFailure(ClaimedMail mail, MessagingException e) {
        String me = settings.instanceId();
        switch (SmtpFailure.of(e)) {
            case TEMPORARY -> retryOrFail(mail, describe(e));
            case PERMANENT -> {
                rows.fail(mail.id(), me, describe(e));
                if (SmtpFailure.recipientRefusedForGood(e)) {
                    // a mailbox that does not exist: nothing more goes to it until an operator clears it
                    suppressions.recordHardBounce(mail.to(), describe(e), "smtp");
                }
            }
            case OUTCOME_UNKNOWN -> {
                log.warn("Connection broke while handing over mail {}; parked as UNKNOWN", mail.id(), e);
                rows.park(mail.id(), me, "no reply while handing over: " + describe(e));
            }
        }
        return SmtpFailure.connectionSurvives(e);
    }

    private void retryOrFail(ClaimedMail mail, String error) {
        int failedAttempts = mail.attempts() + 1;
        if (failedAttempts >= settings.maxAttempts()) {
            rows.fail(mail.id(), settings.instanceId(), "gave up after " + failedAttempts + " attempts: " + error);
        } else {
            Duration delay =
                    Backoff.after(failedAttempts, ThreadLocalRandom.current().nextDouble());
            rows.retryLater(mail.id(), settings.instanceId(), error, delay);
        }
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }
}
