package com.aftercare.domain.mail.dispatch;

import java.util.Map;

/**
 * A mail this dispatcher holds a claim on, as read back by the claim statement.
 *
 * @param storefrontId the storefront it is sent for (its sender and relay), null for the shop's
 * @param attempts failed or uncertain attempts so far (not counting this one)
 */
record ClaimedMail(
        long id,
        Long storefrontId,
        String to,
        String subject,
        String textBody,
        String htmlBody,
        Map<String, String> headers,
        int attempts) {}
