package com.aftercare.domain.shared;

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
 * Encrypts small secrets at rest (bank accounts, relay passwords): AES-256-GCM with a fresh 96-bit
 * nonce per value, associated data that binds a ciphertext to its row (copied onto another row it
 * does not decrypt), and a leading format byte so the scheme can change later. Stored as
 * {@code version || nonce || ciphertext+tag}.
 */
public final class AesGcm {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public AesGcm(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("An AES-256 key is 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * From configuration: standard or URL-safe Base64 of 32 bytes.
     *
     * @param setting the environment variable a person sets, named in the messages
     * @throws IllegalStateException when the value is missing or not 32 bytes of Base64
     */
    public static AesGcm fromBase64(String configured, String setting) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(
                    setting + " is not set: 32 random bytes, Base64 (e.g. `openssl rand -base64 32`)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder()
                    .decode(configured.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not Base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(setting + " must hold 32 bytes, not " + key.length);
        }
        return new AesGcm(key);
    }

    public byte[] encrypt(String plain, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
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

    /**
     * @throws IllegalStateException when the value is not ours: another format, another key, or
     *     associated data of another row
     */
    public String decrypt(byte[] stored, String associatedData) {
        if (stored.length <= 1 + NONCE_BYTES || stored[0] != VERSION) {
            throw new IllegalStateException("Unknown encrypted format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The value does not decrypt with this key and row", e);
        }
    }
}
