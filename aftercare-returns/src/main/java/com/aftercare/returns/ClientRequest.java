package com.aftercare.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;

/**
 * A storefront's idempotency key for the request that opened a claim, with what tells "the same
 * request" apart (a hash of its body): the same key with the same fingerprint is a retry.
 */
@Embeddable
record ClientRequest(
        @Column(name = "client_request_id", updatable = false)
        String requestId,

        @Column(name = "request_sha256", updatable = false) byte[] fingerprint) {

    static final int MAX_LENGTH = 200;

    ClientRequest {
        requestId = ClaimText.required("requestId", requestId, MAX_LENGTH);
        fingerprint = fingerprint == null ? null : fingerprint.clone();
    }

    boolean sameRequestAs(byte[] otherFingerprint) {
        return Arrays.equals(fingerprint, otherFingerprint);
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint == null ? null : fingerprint.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientRequest that
                && requestId.equals(that.requestId)
                && Arrays.equals(fingerprint, that.fingerprint);
    }

    @Override
    public int hashCode() {
        return 31 * requestId.hashCode() + Arrays.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return "ClientRequest[" + requestId + "]";
    }
}
