package com.aftercare.domain.privacy;

import com.aftercare.domain.customer.CustomerId;
import java.time.Instant;

/**
 * A customer was erased: every module anonymises what it holds about them. Heard by plain,
 * synchronous listeners in the erasure's own transaction, so an erasure is whole or not at all
 * (never a customer anonymised in the domain whose messages a failing module still shows). While
 * it is heard, the customer row still holds the email and name (a listener may read {@code
 * customer_view} to find them in free text); the event carries none of it.
 */
public record CustomerErased(CustomerId customer, Instant at) {}
