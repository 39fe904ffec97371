/**
 * Newsletters (メルマガ): the shop's own news, composed once, sent to a segment at one time,
 * throttled, through the one outbox and under the same rules as promotional step mail
 * ({@link com.aftercare.domain.mail.rules.SendRules}). {@link com.aftercare.stepmail.newsletter.Newsletters}
 * composes and schedules; {@link com.aftercare.stepmail.newsletter.NewsletterSender} sends.
 */
package com.aftercare.stepmail.newsletter;
