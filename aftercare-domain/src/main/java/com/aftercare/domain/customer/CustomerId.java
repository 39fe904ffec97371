package com.aftercare.domain.customer;

/** Typed id of a {@link Customer}. */
public record CustomerId(long value) {}
