package com.aftercare.domain.mail;

/**
 * Whether a mail is a service message the customer expects (order thanks, shipping notice,
 * claim status) or marketing (coupons, review requests, newsletters). Promotional mail needs
 * consent and an opt-out, and counts against the frequency cap (特定電子メール法).
 */
public enum MailKind {
    TRANSACTIONAL,
    PROMOTIONAL
}
