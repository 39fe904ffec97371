/**
 * After-sales claims: returns, exchanges, refund-guarantee claims, warranty repair and recycling
 * pick-up, with the per-product policies that decide what is possible. Its public face is the
 * facades {@link com.aftercare.returns.ClaimRequests} (asking), {@link com.aftercare.returns.ClaimWorkflow}
 * (working a claim through its statuses), {@link com.aftercare.returns.ClaimRefunds} (paying it back),
 * {@link com.aftercare.returns.Claims} (reading), the queue, figures, photos and policy editor, and
 * the records and enums they take and return. The {@code Claim} aggregate, its parts and its
 * repository are package-private. Owns the tables {@code claim}, {@code claim_line},
 * {@code claim_status_history}, {@code claim_photo}, {@code claim_apology_campaign} and
 * {@code product_policy}; reads orders and customers through the domain's views and facades, and
 * tells the other feature modules what happened only through domain events.
 */
package com.aftercare.returns;
