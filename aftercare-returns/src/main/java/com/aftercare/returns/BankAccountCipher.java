package com.aftercare.returns;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts bank accounts at rest: AES-256-GCM with a fresh 96-bit nonce per value, the claim's
 * RMA number as associated data (a ciphertext copied onto another claim does not decrypt) and a
 * leading format byte so the scheme can change later. Stored as {@code version || nonce || ciphertext+tag}.
 */
final class BankAccountCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    BankAccountCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The bank-account key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** From configuration: standard or URL-safe Base64 of 32 bytes; a missing key stops the start. */
    static BankAccountCipher fromBase64(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("AFTERCARE_RETURNS_BANK_ACCOUNT_KEY is not set: customers' bank accounts "
                    + "are stored encrypted with it (32 random bytes, Base64; e.g. `openssl rand -base64 32`)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder()
                    .decode(configured.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("AFTERCARE_RETURNS_BANK_ACCOUNT_KEY is not Base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("AFTERCARE_RETURNS_BANK_ACCOUNT_KEY must hold 32 bytes, not " + key.length);
        }
        return new BankAccountCipher(key);
    }

    byte[] encrypt(String plain, String rma) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(rma.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    String decrypt(byte[] stored, String rma) {
        if (stored.length <= 1 + NONCE_BYTES || stored[0] != VERSION) {
            throw new IllegalStateException("Unknown bank-account format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(rma.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The bank account does not decrypt with this key and claim", e);
        }
    }
}
