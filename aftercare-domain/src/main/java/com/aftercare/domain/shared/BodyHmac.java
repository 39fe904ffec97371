package com.aftercare.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature Shopify and LINE put on their webhooks: the Base64 HMAC-SHA256 of the raw body,
 * keyed with a shared secret ({@code X-Shopify-Hmac-Sha256}, {@code X-Line-Signature}). Compared in
 * constant time, so the answer's timing tells nothing about how much of a forged signature was
 * right.
 */
public final class BodyHmac {

    private BodyHmac() {}

    /** Whether {@code signature} (Base64, surrounding spaces ignored) signs {@code body} with {@code secret}. */
    public static boolean matches(String secret, byte[] body, String signature) {
        if (secret == null || body == null || signature == null) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body), presented);
    }

    public static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** The signature as the sender puts it in its header. */
    public static String signBase64(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(sign(secret, body));
    }
}
