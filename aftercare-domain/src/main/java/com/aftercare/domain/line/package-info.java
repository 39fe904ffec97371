/**
 * LINE as a channel (LINE Messaging API), a room of the domain that owns its tables like the mail
 * pipeline: a storefront's channel and its webhook signature ({@link
 * com.aftercare.domain.line.LineChannels}), the LINE users who wrote to it ({@link
 * com.aftercare.domain.line.LineIdentities}), webhook events already taken ({@link
 * com.aftercare.domain.line.LineWebhookEvents}), what a webhook only points at (profiles, image
 * content: {@link com.aftercare.domain.line.LinePlatform}) and the one way a text leaves for LINE:
 * the durable outbox ({@link com.aftercare.domain.line.LineOutbox}) and its dispatcher. See
 * {@code docs/channels.md}.
 */
package com.aftercare.domain.line;
