package com.aftercare.domain.mail.dispatch;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What a failed {@code sendMessage} means for the mail. The SMTP reply code is the only evidence
 * of what the server did: 4xx "try again later", 5xx "never". Without a reply code the connection
 * broke while the message was being handed over, and the server may or may not have accepted it.
 */
enum SmtpFailure {
    /** A 4xx reply: the server did not take it, but may later. */
    TEMPORARY,
    /** A 5xx reply: sending it again would fail again. */
    PERMANENT,
    /** No reply: it may have been delivered. Never resend without a human. */
    OUTCOME_UNKNOWN;

    /** A reply code telling us the server is closing the connection. */
    private static final int SERVICE_CLOSING = 421;

    static SmtpFailure of(MessagingException failure) {
        int code = replyCode(failure);
        if (code >= 500) {
            return PERMANENT;
        }
        if (code >= 400) {
            return TEMPORARY;
        }
        return OUTCOME_UNKNOWN;
    }

    /**
     * Whether the server refused the recipient itself for good (a 5xx to RCPT TO): a hard bounce,
     * unlike a 5xx to the message, which says nothing about the mailbox.
     */
    static boolean recipientRefusedForGood(MessagingException failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 20; t = next(t)) {
            if (t instanceof SMTPAddressFailedException e && e.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    /** Whether the same connection can still carry the next mail of the batch. */
    static boolean connectionSurvives(MessagingException failure) {
        int code = replyCode(failure);
        return code >= 400 && code != SERVICE_CLOSING;
    }

    /** The first SMTP reply code in the chain, or -1 when the server never answered. */
    static int replyCode(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 20; t = next(t)) {
            if (t instanceof SMTPSendFailedException e && e.getReturnCode() > 0) {
                return e.getReturnCode();
            }
            if (t instanceof SMTPAddressFailedException e && e.getReturnCode() > 0) {
                return e.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException e && e.getReturnCode() > 0) {
                return e.getReturnCode();
            }
        }
        return -1;
    }

    // MessagingException.getCause() is its next exception, so getCause walks Jakarta Mail's chain
    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
