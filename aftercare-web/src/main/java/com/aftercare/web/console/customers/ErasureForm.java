package com.aftercare.web.console.customers;

/**
 * An erasure as the operator confirms it: how the request came in, and a tick that they mean it
 * (an erasure cannot be undone). {@code Erasures} checks the reason. {@code Boolean}: an unticked box sends
 * nothing, which a primitive could not be built from.
 */
record ErasureForm(String reason, Boolean confirmed) {

    static ErasureForm empty() {
        return new ErasureForm("", false);
    }
}
