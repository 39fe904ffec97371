package com.aftercare.domain.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets of integrations a shop configures in the console (a storefront's SMTP relay
 * password, …) with one key, {@code AFTERCARE_SECRETS_KEY} ({@code aftercare.secrets.key}: 32
 * random bytes, Base64, the same on every instance). The key is needed only once such a secret is
 * stored: without it the application starts, and storing a secret is refused with a message that
 * says what to set.
 */
@Component
public class Secrets {

    static final String SETTING = "AFTERCARE_SECRETS_KEY";

    private final AesGcm aes;

    Secrets(@Value("${aftercare.secrets.key:}") String key) {
        this.aes = key == null || key.isBlank() ? null : AesGcm.fromBase64(key, SETTING);
    }

    /** Whether secrets can be stored here. */
    public boolean available() {
        return aes != null;
    }

    /**
     * @param row what the secret belongs to ({@code mail-relay:3}): the sealed value opens only there
     * @throws InvalidValue naming {@code field} when no key is configured
     */
    public byte[] seal(String secret, String row, String field) {
        if (aes == null) {
            throw new InvalidValue(field, SETTING + " is not set: the server cannot store secrets without it");
        }
        return aes.encrypt(secret, row);
    }

    /** @throws IllegalStateException when no key is configured or the value is not this row's */
    public String open(byte[] sealed, String row) {
        if (aes == null) {
            throw new IllegalStateException(SETTING + " is not set, but a secret stored with it is needed");
        }
        return aes.decrypt(sealed, row);
    }
}
