package com.aftercare.returns;

import com.aftercare.domain.shared.AesGcm;

/**
 * Encrypts bank accounts at rest with their own key ({@code AFTERCARE_RETURNS_BANK_ACCOUNT_KEY}):
 * {@link AesGcm} with the claim's RMA number as associated data, so a ciphertext copied onto
 * another claim does not decrypt.
 */
final class BankAccountCipher {

    private static final String SETTING = "AFTERCARE_RETURNS_BANK_ACCOUNT_KEY";

    private final AesGcm aes;

    private BankAccountCipher(AesGcm aes) {
        this.aes = aes;
    }

    /** From configuration: standard or URL-safe Base64 of 32 bytes; a missing key stops the start. */
    static BankAccountCipher fromBase64(String configured) {
        try {
            return new BankAccountCipher(AesGcm.fromBase64(configured, SETTING));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    e.getMessage() + " (customers' bank accounts are stored encrypted with it)", e);
        }
    }

    byte[] encrypt(String plain, String rma) {
        return aes.encrypt(plain, rma);
    }

    String decrypt(byte[] stored, String rma) {
        return aes.decrypt(stored, rma);
    }
}
