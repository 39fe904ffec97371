/**
 * After-sales claims: returns, exchanges, refund-guarantee claims, warranty repair and recycling
 * pick-up, with the per-product policies that decide what is possible. Talks to the other feature
 * modules only through domain events.
 */
package com.aftercare.returns;
