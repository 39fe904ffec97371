package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.rules.QuietHours;
import java.time.Instant;
import java.util.Map;

/**
 * A mail this dispatcher holds a claim on, as read back by the claim statement.
 *
 * @param storefrontId the storefront it is sent for (its sender and relay), null for the shop's
 * @param attempts failed or uncertain attempts so far (not counting this one)
 * @param dueAt when it was meant to go out, as the send rules decided it
 */
record ClaimedMail(
        long id,
        MailKind kind,
        Instant dueAt,
        Long storefrontId,
        String to,
        String subject,
        String textBody,
        String htmlBody,
        Map<String, String> headers,
        int attempts) {

    /** Whether the quiet hours keep it back now ({@link QuietHours#holdsBack}). */
    boolean heldBy(QuietHours quiet, Instant now) {
        return quiet.holdsBack(kind == MailKind.PROMOTIONAL, dueAt, now);
    }
}
