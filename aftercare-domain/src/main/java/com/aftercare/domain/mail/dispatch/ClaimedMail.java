package com.aftercare.domain.mail.dispatch;

import java.util.Map;

/**
 * A mail this dispatcher holds a claim on, as read back by the claim statement.
 *
 * @param attempts failed or uncertain attempts so far (not counting this one)
 */
record ClaimedMail(
        long id,
        String to,
        String subject,
        String textBody,
        String htmlBody,
        Map<String, String> headers,
        int attempts) {}
