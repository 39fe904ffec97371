package com.aftercare.domain.order;

/** Typed id of an {@link Order}. */
public record OrderId(long value) {}
