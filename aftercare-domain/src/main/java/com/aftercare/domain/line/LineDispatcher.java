package com.aftercare.domain.line;

import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.shared.Backoff;
import com.aftercare.domain.shared.OutcomeCounters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Drains the LINE outbox for every storefront, safe on several instances at once (claims with a
 * lease, every result recorded only while the claim is ours). A text goes with the reply token
 * while LINE still takes it, else as a push under its {@code X-Line-Retry-Key}. What LINE answers:
 *
 * <ul>
 *   <li>2xx: SENT. A 409 to a push: LINE took this retry key before, so it is SENT too.
 *   <li>429: retried with back-off, and the storefront's other texts in this round wait as well.
 *   <li>5xx or no answer: a push is retried under its key (LINE executes it once), and parked as
 *       UNKNOWN when its attempts run out (LINE may have delivered it); a reply, which has no key,
 *       is parked at once.
 *   <li>400 to a reply: the token was used or is too old; the text goes as a push at once.
 *   <li>any other 4xx: FAILED for good, no retry storm.
 * </ul>
 *
 * A user who unfollowed (blocked) the account gets nothing: LINE would accept the push and drop
 * it, so the text is FAILED with that reason before any call, and the inquiry shows it. Every
 * error is written in a shape {@link LineFailure} reads, so the console names the cause. A notice
 * whose text FAILED goes by mail instead ({@link LineNotices}).
 */
@Component
public class LineDispatcher {

    private static final Logger log = LoggerFactory.getLogger(LineDispatcher.class);

    private final LinePushRows rows;
    private final LineNotices notices;
    private final LineChannels channels;
    private final LineApi api;
    private final LineProperties.Dispatcher settings;
    private final OutcomeCounters outcomes;
    private final Mails mails;
    private final Clock clock;

    @Autowired
    LineDispatcher(
            LinePushRows rows,
            LineNotices notices,
            LineChannels channels,
            LineApi api,
            LineProperties properties,
            ObjectProvider<MeterRegistry> meters,
            Mails mails,
            Clock clock) {
        this(
                rows,
                notices,
                channels,
                api,
                properties.dispatcher(),
                new OutcomeCounters(
                        OutcomeCounters.registryOf(meters),
                        "aftercare.line.attempts",
                        "LINE send attempts, by outcome",
                        "sent",
                        "retried",
                        "failed",
                        "parked",
                        "held"),
                mails,
                clock);
    }

    private LineDispatcher(
            LinePushRows rows,
            LineNotices notices,
            LineChannels channels,
            LineApi api,
            LineProperties.Dispatcher settings,
            OutcomeCounters outcomes,
            Mails mails,
            Clock clock) {
        this.rows = rows;
        this.notices = notices;
        this.channels = channels;
        this.api = api;
        this.settings = settings;
        this.outcomes = outcomes;
        this.mails = mails;
        this.clock = clock;
    }

    /** Another dispatcher on the same rows, as a second instance would be (tests). */
    public LineDispatcher as(String instanceId, Duration lease) {
        return new LineDispatcher(
                rows, notices, channels, api, settings.withInstanceId(instanceId, lease), outcomes, mails, clock);
    }

    /**
     * Recovers texts whose dispatcher vanished mid-send, then claims one batch and sends it.
     *
     * @return how many were claimed; equal to the batch size when more may be waiting
     */
    public int dispatchDue() {
        int recovered = rows.recoverAbandonedInFlight();
        if (recovered > 0) {
            log.warn(
                    "{} LINE text(s) were being sent by an instance that vanished: pushes go again under their retry key, replies are parked",
                    recovered);
        }
        List<LinePushRows.Claimed> batch = rows.claim(settings.instanceId(), settings.lease(), settings.batchSize());
        Map<Long, Duration> slowedDown = new HashMap<>();
        Instant now = clock.instant();
        for (LinePushRows.Claimed text : batch) {
            Optional<Instant> until = mails.heldUntil(text.promotional(), text.createdAt(), now);
            if (until.isPresent()) {
                // as mail is (MailDispatcher): LINE down at 20:30 must not push a coupon at 21:30
                rows.holdBack(
                        List.of(text.id()),
                        settings.instanceId(),
                        "quiet hours: a promotional notice delayed into them waits until " + until.get(),
                        Duration.between(now, until.get()));
                outcomes.add("held", 1);
                continue;
            }
            Duration wait = slowedDown.get(text.storefront());
            if (wait != null) {
                rows.holdBack(List.of(text.id()), settings.instanceId(), "LINE asked to slow down (429)", wait);
                continue;
            }
            deliver(text).ifPresent(delay -> slowedDown.put(text.storefront(), delay));
        }
        // a notice LINE did not take goes by mail instead, at once
        notices.mailWhatLineRefused();
        return batch.size();
    }

    int batchSize() {
        return settings.batchSize();
    }

    /** @return the wait LINE's rate limit asks of the storefront's other texts, when it answered 429 */
    private Optional<Duration> deliver(LinePushRows.Claimed text) {
        String me = settings.instanceId();
        if (!text.following()) {
            fail(text, LineFailure.UNFOLLOWED_ERROR);
            return Optional.empty();
        }
        Optional<String> token = channels.accessToken(text.storefront());
        if (token.isEmpty()) {
            fail(text, LineFailure.NO_CHANNEL_ERROR);
            return Optional.empty();
        }
        boolean reply = text.replyTokenUsable(clock.instant());
        if (!rows.markInFlight(text.id(), me, settings.lease(), reply ? "REPLY" : "PUSH")) {
            log.info("LINE text {} was taken over by another dispatcher; skipping it", text.id());
            return Optional.empty();
        }
        LineApi.Answer answer;
        try {
            answer = reply
                    ? api.reply(token.get(), text.replyToken(), text.text())
                    : api.push(token.get(), text.userId(), text.text(), text.retryKey());
        } catch (LineApi.NoAnswer e) {
            if (reply && !e.surelyNotSent()) {
                park(text, e.getMessage() + " (a reply cannot be retried safely: LINE may have delivered it)");
            } else {
                retryOrGiveUp(text, e.getMessage(), !e.surelyNotSent());
            }
            return Optional.empty();
        }
        int status = answer.status();
        if (answer.accepted()) {
            rows.sent(text.id(), me, answer.requestId());
            outcomes.increment("sent");
        } else if (!reply && status == 409) {
            // documented: a retried push whose key LINE accepted before
            rows.sent(text.id(), me, answer.acceptedRequestId());
            outcomes.increment("sent");
        } else if (status == 429) {
            Duration delay = retryOrGiveUp(text, LineFailure.answered(429, answer.body()), false);
            return Optional.of(delay);
        } else if (status >= 500) {
            if (reply) {
                park(
                        text,
                        LineFailure.answered(status, answer.body()) + " (to a reply, which LINE may have delivered)");
            } else {
                retryOrGiveUp(text, LineFailure.answered(status, answer.body()), true);
            }
        } else if (reply && status == 400) {
            rows.giveUpReplyToken(text.id(), me, "reply token refused, sent as a push: " + answer.body());
        } else {
            fail(text, LineFailure.refused(status, answer.body()));
        }
        return Optional.empty();
    }

    /**
     * Tries again later, or gives up after the last attempt: FAILED when LINE surely did not take
     * the text (429), parked UNKNOWN when it may have (5xx or no answer to a push under its retry
     * key): a FAILED notice goes by mail instead, and that must not follow a text LINE delivered.
     *
     * @return the delay before the next try (zero when it gave up)
     */
    private Duration retryOrGiveUp(LinePushRows.Claimed text, String error, boolean mayHaveArrived) {
        int failedAttempts = text.attempts() + 1;
        if (failedAttempts >= settings.maxAttempts()) {
            String why = LineFailure.gaveUp(failedAttempts, error);
            if (mayHaveArrived) {
                park(text, why + " (LINE may have delivered it)");
            } else {
                fail(text, why);
            }
            return Duration.ZERO;
        }
        Duration delay =
                Backoff.after(failedAttempts, ThreadLocalRandom.current().nextDouble());
        rows.rows().retryLater(text.id(), settings.instanceId(), error, delay);
        outcomes.increment("retried");
        return delay;
    }

    private void fail(LinePushRows.Claimed text, String error) {
        rows.rows().fail(text.id(), settings.instanceId(), error);
        outcomes.increment("failed");
    }

    private void park(LinePushRows.Claimed text, String error) {
        log.warn("LINE text {} parked as UNKNOWN: {}", text.id(), error);
        rows.rows().park(text.id(), settings.instanceId(), error);
        outcomes.increment("parked");
    }
}
