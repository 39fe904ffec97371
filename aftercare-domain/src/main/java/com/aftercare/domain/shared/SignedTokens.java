package com.aftercare.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens for links that work without login (one-click opt-out, a customer's portal link, a
 * satisfaction survey): {@code subject.expiry.signature}, HMAC-SHA256 over purpose, subject and
 * expiry with the server's secret. A token made for one purpose never opens another, a changed
 * subject or expiry breaks the signature, and an expired token is refused.
 */
public final class SignedTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final Clock clock;

    /**
     * Keyed once and cloned for each token (a {@code Mac} is not thread-safe, a clone is its own):
     * looking the algorithm up and keying it per token was 2 % of the ingestion's CPU, since every
     * order mail carries a signed portal link (docs/benchmarks.md).
     */
    private final Mac keyed;

    public SignedTokens(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The link secret must have at least 32 bytes");
        }
        this.secret = secret.clone();
        this.clock = clock;
        this.keyed = newMac();
    }

    public String sign(String purpose, String subject, Instant expiresAt) {
        String encodedSubject = ENCODER.encodeToString(subject.getBytes(StandardCharsets.UTF_8));
        String expiry = Long.toString(expiresAt.getEpochSecond());
        return encodedSubject + "." + expiry + "." + mac(purpose, encodedSubject, expiry);
    }

    /** The subject, when the token is intact, made for this purpose and not expired. */
    public Optional<String> verify(String purpose, String token) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        byte[] expected = mac(purpose, parts[0], parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            // Compared as seconds: an expiry beyond Instant's range (which we never sign) is refused
            // like an expired one instead of failing in Instant.ofEpochSecond.
            long expiry = Long.parseLong(parts[1]);
            if (expiry > Instant.MAX.getEpochSecond()
                    || Instant.ofEpochSecond(Math.max(expiry, Instant.MIN.getEpochSecond()))
                            .isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Text.utf8(DECODER.decode(parts[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String mac(String purpose, String subject, String expiry) {
        Mac hmac;
        try {
            hmac = (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            hmac = newMac(); // a provider whose Mac cannot be cloned: keyed afresh, as before
        }
        byte[] signature = hmac.doFinal((purpose + "\n" + subject + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(signature);
    }

    private Mac newMac() {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return hmac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
