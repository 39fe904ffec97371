package com.aftercare.domain.mail.outbox;

import com.aftercare.domain.mail.MailKind;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One mail to put into the outbox.
 *
 * @param dedupKey unique per logical mail (for example {@code order-thanks:42}); enqueuing the
 *     same key twice keeps the first, so a listener that runs again never doubles a mail
 * @param template which template produced it, for figures and the delivery log
 * @param customerId the customer it is for, when known (timeline, opt-out, caps)
 * @param orderId the order it is about, when any
 * @param headers extra headers such as {@code In-Reply-To} or {@code List-Unsubscribe}
 * @param dueAt the earliest time it may be sent
 * @param storefrontId the storefront it is sent for: its sender and relay are used when it is
 *     dispatched; null for the shop's own
 */
public record OutgoingMail(
        String dedupKey,
        MailKind kind,
        String template,
        Long customerId,
        Long orderId,
        String to,
        String subject,
        String textBody,
        String htmlBody,
        Map<String, String> headers,
        Instant dueAt,
        Long storefrontId) {

    /** A mail of the shop itself (its own sender and relay), not of one storefront. */
    public OutgoingMail(
            String dedupKey,
            MailKind kind,
            String template,
            Long customerId,
            Long orderId,
            String to,
            String subject,
            String textBody,
            String htmlBody,
            Map<String, String> headers,
            Instant dueAt) {
        this(dedupKey, kind, template, customerId, orderId, to, subject, textBody, htmlBody, headers, dueAt, null);
    }

    public OutgoingMail {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(dueAt, "dueAt");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A mail subject must be a single line");
        }
    }
}
