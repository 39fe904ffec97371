package com.aftercare.web.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** What an authenticator app shows for a key at a moment (RFC 6238, 30-second steps, six digits). */
public final class TestTotp {

    private TestTotp() {}

    public static String code(String base32Secret, Instant at) {
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));
        try {
            return totp.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret), totp.getAlgorithm()), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
