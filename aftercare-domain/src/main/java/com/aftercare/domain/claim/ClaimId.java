package com.aftercare.domain.claim;

/** Typed id of a claim. Outside the database a claim is addressed by its RMA number. */
public record ClaimId(long value) {}
