package com.aftercare.domain.notice;

import com.aftercare.domain.consent.MarketingConsent;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.line.LineIdentities;
import com.aftercare.domain.line.LineIdentities.LineIdentity;
import com.aftercare.domain.line.LineNotices;
import com.aftercare.domain.line.LineOutbox;
import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailRequest;
import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.mail.PreparedMail;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place a notice to a customer picks its channel. A notice is a mail of the pipeline (a
 * template, rendered as {@link Mails} renders it); it goes on LINE instead when the storefront
 * sends notices on LINE, the customer's LINE account there is linked to them and they did not ask
 * for mail: the same words (subject and text) as one LINE text through the LINE outbox, never a
 * mail as well. A customer who unfollowed the account gets the mail, or, without an email, the
 * notice is recorded as not deliverable; a text LINE refuses later goes by mail then ({@link
 * LineNotices}). Whether and when a notice is due (consent, quiet hours, the frequency cap) the
 * caller asks {@link Mails#decide} first, for both channels alike; a promotional notice without
 * consent is refused here as well.
 */
@Service
public class Notices {

    /** Why a notice went nowhere. */
    public static final String NO_EMAIL = "customer has no email";

    public static final String UNDELIVERABLE = "customer unfollowed the LINE account and has no email";

    public static final String NO_CONSENT = "no consent to promotional mail";

    public enum Channel {
        MAIL,
        LINE,
        NONE
    }

    /**
     * Where a notice went: the mail's outbox id, or the LINE text's, or neither and why.
     */
    public record Sent(Channel channel, Long mailId, Long linePushId, String reason) {

        static Sent none(String reason) {
            return new Sent(Channel.NONE, null, null, reason);
        }

        public boolean queued() {
            return channel != Channel.NONE;
        }
    }

    private final Mails mails;
    private final LineIdentities identities;
    private final LineOutbox outbox;
    private final LineNotices lineNotices;
    private final MarketingConsent consent;
    private final Clock clock;

    Notices(
            Mails mails,
            LineIdentities identities,
            LineOutbox outbox,
            LineNotices lineNotices,
            MarketingConsent consent,
            Clock clock) {
        this.mails = mails;
        this.identities = identities;
        this.outbox = outbox;
        this.lineNotices = lineNotices;
        this.consent = consent;
        this.clock = clock;
    }

    /**
     * Whether the storefront's notices for the customer go to LINE rather than by mail (whether
     * or not the customer still follows the account): a caller need not look for an email then.
     */
    @Transactional(readOnly = true)
    public boolean takenOnLine(CustomerId customer, StorefrontId storefront) {
        return customer != null
                && storefront != null
                && identities.noticeRecipient(customer, storefront).isPresent();
    }

    /**
     * Sends the notice on LINE or by mail, in the caller's transaction.
     *
     * @param request the notice as a mail; {@code to} null when the customer has no email
     * @throws com.aftercare.domain.shared.Rejected when the template does not render
     */
    @Transactional
    public Sent send(MailRequest request) {
        Optional<LineIdentity> line = request.customer() == null || request.storefront() == null
                ? Optional.empty()
                : identities.noticeRecipient(request.customer(), request.storefront());
        if (line.isPresent()) {
            if (request.kind() == MailKind.PROMOTIONAL && !consent.hasConsented(request.customer())) {
                return Sent.none(NO_CONSENT);
            }
            if (line.get().following()) {
                return onLine(request, line.get());
            }
            if (request.to() == null) {
                record(mails.prepare(request), null);
                return Sent.none(UNDELIVERABLE);
            }
            // unfollowed: the mail, as if the customer had chosen it
        }
        if (request.to() == null) {
            return Sent.none(NO_EMAIL);
        }
        return new Sent(Channel.MAIL, mails.send(request), null, null);
    }

    private Sent onLine(MailRequest request, LineIdentity identity) {
        PreparedMail prepared = mails.prepare(request);
        long push = outbox.send(
                new LineOutbox.LineText(
                        "notice:" + request.dedupKey(), identity.id(), NoticeText.of(prepared.mail()), null, null),
                clock.instant());
        record(prepared, push);
        return new Sent(Channel.LINE, null, push, null);
    }

    private void record(PreparedMail prepared, Long push) {
        lineNotices.record(prepared, push, clock.instant());
    }
}
