package com.aftercare.domain.shopify;

import com.aftercare.domain.shared.BodyHmac;
import com.aftercare.domain.shared.ConnectionSecrets;

/**
 * Shopify's webhook signature: {@code X-Shopify-Hmac-Sha256} is the Base64 HMAC-SHA256 of the raw
 * body, keyed with the secret ({@link BodyHmac}, which LINE's signature shares), plus what a
 * Shopify secret looks like.
 */
final class WebhookSignature {

    private WebhookSignature() {}

    static boolean matches(String secret, byte[] body, String signature) {
        return BodyHmac.matches(secret, body, signature);
    }

    static byte[] sign(String secret, byte[] body) {
        return BodyHmac.sign(secret, body);
    }

    /**
     * A secret as Shopify shows it: 16-200 printable ASCII characters without spaces (a hex key on
     * the notifications page, {@code shpss_…} for an app).
     */
    static String requirePlausible(String secret) {
        return ConnectionSecrets.plausible("secret", secret, 16, 200, "Shopify");
    }
}
