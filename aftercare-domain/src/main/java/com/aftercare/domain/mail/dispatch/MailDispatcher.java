package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.mail.MailSender;
import com.aftercare.domain.mail.dispatch.OutboxRows.AcceptedMail;
import com.aftercare.domain.mail.outbox.MailSuppressions;
import com.aftercare.domain.mail.rules.MailRulesProperties;
import com.aftercare.domain.mail.rules.QuietHours;
import com.aftercare.domain.mail.sender.MailSenderRows;
import com.aftercare.domain.mail.sender.MailSenderRows.Route;
import com.aftercare.domain.shared.Backoff;
import com.aftercare.domain.shared.OutcomeCounters;
import com.aftercare.domain.shared.Secrets;
import com.aftercare.domain.shop.ShopProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
    private final MailSenderRows senders;
    private final Secrets secrets;
    private final OutcomeCounters outcomes;
    private final QuietHours quiet;
    private final Clock clock;

    @Autowired
    MailDispatcher(
            OutboxRows rows,
            JavaMailSenderImpl sender,
            MailDispatchProperties properties,
            MailSuppressions suppressions,
            MailSenderRows senders,
            Secrets secrets,
            ObjectProvider<MeterRegistry> meters,
            MailRulesProperties mailRules,
            ShopProperties shop,
            Clock clock) {
        this(
                rows,
                sender,
                properties,
                suppressions,
                senders,
                secrets,
                OutcomeCounters.registryOf(meters),
                mailRules.quietHours(shop.zone()),
                clock);
    }

    MailDispatcher(
            OutboxRows rows,
            JavaMailSenderImpl sender,
            MailDispatchProperties properties,
            MailSuppressions suppressions,
            MailSenderRows senders,
            Secrets secrets,
            MeterRegistry meters,
            QuietHours quiet,
            Clock clock) {
        this.outcomes = new OutcomeCounters(
                meters,
                "aftercare.mail.dispatched",
                "Mails the dispatcher dealt with, by outcome",
                "sent",
                "retried",
                "failed",
                "parked",
                "held");
        this.rows = rows;
        this.suppressions = suppressions;
        this.senders = senders;
        this.secrets = secrets;
        this.sender = sender;
        this.messages = new OutboxMessages(properties.from());
        this.settings = properties.dispatcher();
        this.quiet = quiet;
        this.clock = clock;
    }

    /**
     * Parks mails abandoned mid-hand-over, then claims one batch of due mails and sends it, one
     * SMTP connection per relay the batch needs (the shop's, and each storefront relay that
     * carries some of its mails), in groups of {@code in-flight-group} mails.
     *
     * @return how many mails this round claimed and dealt with (sent, retried later, failed,
     *     parked or given back); equal to the batch size when more may be waiting
     */
    public int dispatchDue() {
        int parked = rows.parkAbandonedInFlight();
        outcomes.add("parked", parked);
        if (parked > 0) {
            log.warn("Parked {} mail(s) as UNKNOWN: a dispatcher died while handing them to SMTP", parked);
        }
        List<ClaimedMail> batch = rows.claim(settings.instanceId(), settings.lease(), settings.batchSize());
        List<ClaimedMail> sendable = holdWhatQuietHoursForbid(batch);
        if (!sendable.isEmpty()) {
            deliver(sendable);
        }
        return batch.size();
    }

    /**
     * Puts promotional mails that were delayed into the quiet hours back until the hours end,
     * without counting an attempt, and answers the rest of the batch. The send rules decide a
     * mail's due time once; a relay that was down for an hour at 20:30 would otherwise let the
     * evening's coupons arrive at 21:30 (相手の時間を考慮). Claimed and put back rather than left
     * out of the claim: the claim walks due mails in order, and skipping a night's backlog of
     * promotional mail on every round would read it all each time.
     */
    private List<ClaimedMail> holdWhatQuietHoursForbid(List<ClaimedMail> batch) {
        Instant now = clock.instant();
        Map<Boolean, List<ClaimedMail>> held =
                batch.stream().collect(Collectors.partitioningBy(mail -> mail.heldBy(quiet, now)));
        if (held.get(true).isEmpty()) {
            return batch;
        }
        Instant until = quiet.nextAllowed(now);
        rows.postpone(
                held.get(true).stream().map(ClaimedMail::id).toList(),
                settings.instanceId(),
                "quiet hours: a promotional mail delayed into them waits until " + until,
                Duration.between(now, until));
        outcomes.add("held", held.get(true).size());
        return held.get(false);
    }

    private void deliver(List<ClaimedMail> batch) {
        Map<Long, Route> routes = senders.routes(batch.stream()
                .map(ClaimedMail::storefrontId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        // the storefront whose relay carries each mail; the shop's relay is the key SHOPS_RELAY
        Map<Long, List<ClaimedMail>> byRelay = batch.stream()
                .collect(Collectors.groupingBy(
                        mail -> relayOf(mail, routeOf(mail, routes)), LinkedHashMap::new, Collectors.toList()));
        byRelay.forEach((relay, mails) -> deliverThrough(relay, mails, routes));
    }

    private static final long SHOPS_RELAY = 0;

    /** Relays this instance could not reach, until a connection succeeds again. */
    private final Map<Long, RelayOutage> outages = new ConcurrentHashMap<>();

    /**
     * A relay that is down holds its mails back without using up their attempts (an outage must
     * delay mail, never fail it); they wait for the relay's next try, which backs off with each
     * failed connection in a row up to {@link RelayOutage#LONGEST_WAIT}.
     */
    private void postpone(List<ClaimedMail> mails, RelayOutage outage) {
        Duration wait = Duration.between(clock.instant(), outage.retryAt());
        rows.postpone(
                mails.stream().map(ClaimedMail::id).toList(),
                settings.instanceId(),
                outage.error(),
                wait.isNegative() ? Duration.ZERO : wait);
        outcomes.add("retried", mails.size());
    }

    /** The storefront's sender of a mail, null for the shop's. */
    private static Route routeOf(ClaimedMail mail, Map<Long, Route> routes) {
        return mail.storefrontId() == null ? null : routes.get(mail.storefrontId());
    }

    private static long relayOf(ClaimedMail mail, Route route) {
        MailSender.Relay relay = route == null ? null : route.sender().relay();
        return relay != null && relay.carries(mail.to()) ? mail.storefrontId() : SHOPS_RELAY;
    }

    private void deliverThrough(long relay, List<ClaimedMail> mails, Map<Long, Route> routes) {
        RelayOutage outage = outages.get(relay);
        if (outage != null && clock.instant().isBefore(outage.retryAt())) {
            // the relay was down a moment ago: wait for the next try instead of knocking again
            postpone(mails, outage);
            return;
        }
        SmtpConnection connection;
        try {
            connection = relay == SHOPS_RELAY ? SmtpConnection.open(sender) : connect(routes.get(relay));
        } catch (MessagingException | RuntimeException e) {
            RelayOutage down = RelayOutage.after(outage, clock.instant(), "connect: " + describe(e));
            outages.put(relay, down);
            log.warn(
                    "Cannot connect to the SMTP relay {} ({} time(s) in a row); {} mail(s) wait until {}",
                    relayName(relay, routes),
                    down.failures(),
                    mails.size(),
                    down.retryAt(),
                    e);
            postpone(mails, down);
            return;
        }
        outages.remove(relay);
        try (connection) {
            for (int from = 0; from < mails.size(); from += settings.inFlightGroup()) {
                int to = Math.min(from + settings.inFlightGroup(), mails.size());
                if (!deliverGroup(connection, mails.subList(from, to), routes)) {
                    // the connection is gone: whatever was not handed over goes back untouched
                    // (the group has recorded its own outcomes, so only unsent mails are still ours)
                    rows.giveBack(
                            mails.subList(from, mails.size()).stream()
                                    .map(ClaimedMail::id)
                                    .toList(),
                            settings.instanceId());
                    return;
                }
            }
        }
    }

    private SmtpConnection connect(Route route) throws MessagingException {
        MailSender.Relay relay = route.sender().relay();
        String password = route.sealedPassword() == null
                ? null
                : secrets.open(
                        route.sealedPassword(),
                        MailSenderRows.secretRow(route.sender().storefront()));
        return SmtpConnection.open(sender, relay, password);
    }

    private static String relayName(long relay, Map<Long, Route> routes) {
        return relay == SHOPS_RELAY
                ? "of the shop"
                : routes.get(relay).sender().relay().host() + " (storefront " + relay + ")";
    }

    /**
     * Builds a group of mails, marks them IN_FLIGHT in one statement, hands them over one after
     * the other and records the accepted ones SENT in one statement. Until then an accepted mail
     * stays IN_FLIGHT: should this instance die, it is parked as UNKNOWN, never sent again.
     *
     * @return false if the connection can carry no further mail
     */
    private boolean deliverGroup(SmtpConnection connection, List<ClaimedMail> group, Map<Long, Route> routes) {
        String me = settings.instanceId();
        List<BuiltMail> built = new ArrayList<>(group.size());
        for (ClaimedMail mail : group) {
            try {
                Route route = routeOf(mail, routes);
                MimeMessage message = messages.build(connection.session(), mail, route == null ? null : route.sender());
                built.add(new BuiltMail(mail, message, message.getMessageID()));
            } catch (MessagingException | RuntimeException e) {
                fail(mail, "cannot build the message: " + describe(e));
            }
        }
        Set<Long> ours =
                rows.markInFlight(built.stream().map(b -> b.mail().id()).toList(), me, settings.lease());
        List<AcceptedMail> accepted = new ArrayList<>(ours.size());
        try {
            for (BuiltMail next : built) {
                ClaimedMail mail = next.mail();
                if (!ours.contains(mail.id())) {
                    log.info("Mail {} was taken over by another dispatcher; skipping it", mail.id());
                    continue;
                }
                try {
                    connection.send(next.message());
                } catch (IllegalStateException notConnected) {
                    // Angus refuses before writing anything, so the mail was not handed over
                    return false;
                } catch (MessagingException e) {
                    if (!recordFailure(mail, e)) {
                        return false;
                    }
                    continue;
                }
                accepted.add(new AcceptedMail(mail.id(), next.messageId()));
            }
            return true;
        } finally {
            int recorded = rows.markSent(accepted, me, clock.instant());
            outcomes.add("sent", recorded);
            if (recorded < accepted.size()) {
                log.warn(
                        "{} of {} mail(s) accepted by the SMTP server were no longer ours to record as SENT "
                                + "(an operator released or dropped them meanwhile)",
                        accepted.size() - recorded,
                        accepted.size());
            }
        }
    }

    private boolean recordFailure(ClaimedMail mail, MessagingException e) {
        String me = settings.instanceId();
        switch (SmtpFailure.of(e)) {
            case TEMPORARY -> retryOrFail(mail, describe(e));
            case PERMANENT -> {
                fail(mail, describe(e));
                if (SmtpFailure.recipientRefusedForGood(e)) {
                    // a mailbox that does not exist: nothing more goes to it until an operator clears it
                    suppressions.recordHardBounce(mail.to(), describe(e), "smtp");
                }
            }
            case OUTCOME_UNKNOWN -> {
                log.warn("Connection broke while handing over mail {}; parked as UNKNOWN", mail.id(), e);
                rows.park(mail.id(), me, "no reply while handing over: " + describe(e));
                outcomes.increment("parked");
            }
        }
        return SmtpFailure.connectionSurvives(e);
    }

    private void retryOrFail(ClaimedMail mail, String error) {
        int failedAttempts = mail.attempts() + 1;
        if (failedAttempts >= settings.maxAttempts()) {
            fail(mail, "gave up after " + failedAttempts + " attempts: " + error);
        } else {
            Duration delay =
                    Backoff.after(failedAttempts, ThreadLocalRandom.current().nextDouble());
            rows.retryLater(mail.id(), settings.instanceId(), error, delay);
            outcomes.increment("retried");
        }
    }

    private void fail(ClaimedMail mail, String error) {
        rows.fail(mail.id(), settings.instanceId(), error);
        outcomes.increment("failed");
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    private record BuiltMail(ClaimedMail mail, MimeMessage message, String messageId) {}
}
