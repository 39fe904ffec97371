package com.aftercare.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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

    /**
     * The signer keys one {@code Mac} and clones it per token; a {@code Mac} shared by the threads
     * that render mails at once would mix their inputs and sign garbage.
     */
    @Test
    void shouldSignTheSameWayFromManyThreadsAtOnce() throws Exception {
        String expected = tokens.sign("portal", "order-1", NOW.plusSeconds(60));
        Callable<Boolean> signer = () -> IntStream.range(0, 2_000)
                .allMatch(i ->
                        tokens.sign("portal", "order-1", NOW.plusSeconds(60)).equals(expected));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = threads.invokeAll(
                    IntStream.range(0, 8).mapToObj(i -> signer).toList());
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
