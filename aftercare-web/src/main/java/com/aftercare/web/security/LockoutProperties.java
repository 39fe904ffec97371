package com.aftercare.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Console lockout against password guessing.
 *
 * @param maxAttempts consecutive wrong passwords that lock an operator
 * @param duration how long the lock lasts (an admin can lift it sooner)
 */
@ConfigurationProperties("aftercare.console.lockout")
record LockoutProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("15m") Duration duration) {

    LockoutProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("aftercare.console.lockout.max-attempts must be at least 1");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("aftercare.console.lockout.duration must be positive");
        }
    }
}
