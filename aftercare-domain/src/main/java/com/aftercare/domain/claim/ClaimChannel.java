package com.aftercare.domain.claim;

/** Where a claim was asked for. */
public enum ClaimChannel {
    PORTAL,
    API,
    CONSOLE
}
