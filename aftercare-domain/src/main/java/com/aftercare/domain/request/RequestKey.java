package com.aftercare.domain.request;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.storefront.StorefrontId;
import java.util.Objects;

/**
 * One storefront's idempotency key for one kind of request.
 *
 * @param scope what the request does ({@code inquiry.open}): the same key may be used once per scope
 * @param key the storefront's key, 1-200 characters on one line
 * @param fingerprint what tells "the same request" apart: a hash of its canonical body
 */
public record RequestKey(StorefrontId storefront, String scope, String key, byte[] fingerprint) {

    public static final int MAX_LENGTH = 200;

    public RequestKey {
        Objects.requireNonNull(storefront, "storefront");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH || Text.hasControlCharacters(key, false)) {
            throw new InvalidValue("Idempotency-Key", "must be 1-" + MAX_LENGTH + " characters on one line");
        }
    }

    /** The key, or null when the request came without one (it is then not idempotent). */
    public static RequestKey optional(StorefrontId storefront, String scope, String key, byte[] fingerprint) {
        return key == null ? null : new RequestKey(storefront, scope, key, fingerprint);
    }
}
