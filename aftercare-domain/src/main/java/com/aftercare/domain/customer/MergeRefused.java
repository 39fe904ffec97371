package com.aftercare.domain.customer;

import com.aftercare.domain.shared.DomainException;

/** Two customers that must not be merged; {@link #reason()} names why for the console's message. */
public class MergeRefused extends DomainException {

    /** Why: {@code self}, {@code erased} (or already merged), {@code storefront}. */
    private final String reason;

    private MergeRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static MergeRefused withItself() {
        return new MergeRefused("self", "a customer cannot be merged with itself");
    }

    public static MergeRefused erasedOrMerged() {
        return new MergeRefused("erased", "an erased or already merged customer cannot be merged");
    }

    public static MergeRefused acrossStorefronts() {
        return new MergeRefused("storefront", "the two customers share no storefront");
    }

    public String reason() {
        return reason;
    }
}
