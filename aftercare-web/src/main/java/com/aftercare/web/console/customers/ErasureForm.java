package com.aftercare.web.console.customers;

/**
 * An erasure as the operator confirms it: how the request came in, and a tick that they mean it
 * (an erasure cannot be undone). {@code Erasures} checks the reason.
 */
record ErasureForm(String reason, boolean confirmed) {

    static ErasureForm empty() {
        return new ErasureForm("", false);
    }
}
