/**
 * Idempotency keys for the storefront API's creating requests: a storefront that retries a
 * request after a timeout gets the first try's result back instead of a second inquiry, and a
 * key reused for a different request is refused.
 */
package com.aftercare.domain.request;
