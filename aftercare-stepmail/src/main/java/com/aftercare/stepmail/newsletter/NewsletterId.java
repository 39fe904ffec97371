package com.aftercare.stepmail.newsletter;

import org.springframework.modulith.NamedInterface;

/** Typed id of a newsletter. */
@NamedInterface("newsletters")
public record NewsletterId(long value) {}
