/**
 * Outgoing webhooks: Aftercare tells a storefront's own systems what to do (refund, ship an
 * exchange, honour a coupon, drop an address). A storefront subscribes a URL to some events
 * ({@link com.aftercare.domain.webhook.WebhookSubscriptions}); every matching domain event becomes
 * one delivery row in the transaction of the change ({@code WebhookEventListener}), and
 * {@link com.aftercare.domain.webhook.WebhookDispatcher} sends the due rows, signed as Standard
 * Webhooks, claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, retried with back-off for a
 * day. Delivery is at least once: a receiver drops repeats by {@code webhook-id}. Owns
 * {@code webhook_subscription}, {@code webhook_delivery} and {@code webhook_allowed_host}; see
 * docs/integrations-webhooks.md.
 */
package com.aftercare.domain.webhook;
