package com.aftercare.domain.shopify;

import com.aftercare.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shopify's webhook signature: {@code X-Shopify-Hmac-Sha256} is the Base64 HMAC-SHA256 of the raw
 * body, keyed with the secret. Compared in constant time, so the answer's timing tells nothing
 * about how much of a forged signature was right.
 */
final class WebhookSignature {

    private WebhookSignature() {}

    static boolean matches(String secret, byte[] body, String signature) {
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body), presented);
    }

    static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /**
     * A secret as Shopify shows it: 16-200 printable ASCII characters without spaces (a hex key on
     * the notifications page, {@code shpss_…} for an app).
     */
    static String requirePlausible(String secret) {
        String stripped = secret == null ? "" : secret.strip();
        if (stripped.length() < 16
                || stripped.length() > 200
                || stripped.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new InvalidValue("secret", "must be 16-200 printable characters without spaces, as Shopify shows it");
        }
        return stripped;
    }
}
