package com.aftercare.returns;

/** Where a claim was asked for. */
public enum ClaimChannel {
    PORTAL,
    API,
    CONSOLE
}
