package com.aftercare.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LinkSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LinkSecurityConfiguration.class);

    /**
     * The secret behind every login-free link. Set {@code AFTERCARE_LINK_SECRET} (32+ characters)
     * in production: without it a random one is made at start, so links in mails already sent stop
     * working after a restart, and instances would not accept each other's links.
     */
    @Bean
    SignedTokens signedTokens(@Value("${aftercare.link-secret:}") String configured, Clock clock) {
        byte[] secret;
        if (configured.isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.warn("AFTERCARE_LINK_SECRET is not set: using a random secret; opt-out and portal links will not "
                    + "survive a restart or work across instances");
        } else {
            secret = configured.getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalStateException("AFTERCARE_LINK_SECRET must be at least 32 characters");
            }
        }
        return new SignedTokens(secret, clock);
    }
}
