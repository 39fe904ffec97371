package com.aftercare.domain.storefront;

/** Typed id of a {@link Storefront}. */
public record StorefrontId(long value) {}
