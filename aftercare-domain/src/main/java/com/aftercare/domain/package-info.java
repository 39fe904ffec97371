/**
 * The shared core of Aftercare: storefronts and their API keys, customers (one per normalised
 * email across storefronts), orders with their lines and status history, the storefront event
 * ingestion that keeps orders idempotent and order-tolerant, the one mail pipeline
 * ({@link com.aftercare.domain.mail.Mails} and its face), the read models feature modules query,
 * and the domain events ({@code OrderPlaced}, {@code OrderDelivered}…) through which they hear
 * about all of it. It depends on no feature module.
 *
 * <p>An open module for Spring Modulith: every package of it is what the feature modules share.
 * The one exception, the mail pipeline's insides, is kept by an architecture rule.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.aftercare.domain;

import org.springframework.modulith.ApplicationModule;
