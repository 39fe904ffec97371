/**
 * Shopify stores connected to storefronts: the webhook signing secret (encrypted) and the payment
 * gateway mapping, through the {@link com.aftercare.domain.shopify.ShopifyConnections} facade. The
 * webhooks themselves come in through the one ingestion ({@code domain.ingest}) as storefront events.
 */
package com.aftercare.domain.shopify;
