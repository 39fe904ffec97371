package com.aftercare.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

    final SignedTokens tokens = new SignedTokens(
            "signed-tokens-test-secret-0123456789".getBytes(StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldOpenATokenUntilItsExpiryAndNotAfter() {
        assertThat(tokens.verify("p", tokens.sign("p", "42", NOW.plusSeconds(1))))
                .contains("42");
        assertThat(tokens.verify("p", tokens.sign("p", "42", NOW.minusSeconds(1))))
                .isEmpty();
        assertThat(tokens.verify("q", tokens.sign("p", "42", NOW.plusSeconds(1))))
                .isEmpty();
    }

    @Test
    void shouldOpenATokenSignedToTheLastInstant() {
        assertThat(tokens.verify("p", tokens.sign("p", "42", Instant.MAX))).contains("42");
    }
}
