package com.aftercare.stepmail.newsletter;

/** Typed id of a newsletter. */
public record NewsletterId(long value) {}
