/**
 * The shared core of Aftercare: storefronts and their API keys, customers (one per normalised
 * email across storefronts), orders with their lines and status history, the storefront event
 * ingestion that keeps orders idempotent and order-tolerant, the one durable mail outbox, and
 * the domain events ({@code OrderPlaced}, {@code OrderDelivered}…) through which the feature
 * modules hear about all of it. It depends on no feature module.
 */
package com.aftercare.domain;
