package com.aftercare.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleFromThirtySecondsWithoutJitter() {
        assertThat(Backoff.after(1, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.after(2, 0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Backoff.after(5, 0)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void shouldNeverWaitLongerThanAnHourHoweverManyAttemptsFailed() {
        assertThat(Backoff.after(8, 0)).isEqualTo(Duration.ofHours(1));
        assertThat(Backoff.after(1_000, 0)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldTakeAtMostATenthOffForJitter() {
        assertThat(Backoff.after(1, 0.999)).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(30));
        assertThat(Backoff.after(1, 0.5)).isEqualTo(Duration.ofMillis(28_500));
    }
}
