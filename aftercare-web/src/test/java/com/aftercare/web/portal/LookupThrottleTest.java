package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LookupThrottleTest {

    @Test
    void shouldStopAClientTryingManyOrderNumbers() {
        LookupThrottle throttle = new LookupThrottle(3, 100, Duration.ofMinutes(10));

        assertThat(IntStream.range(0, 3).allMatch(i -> throttle.tryLookup("203.0.113.9", "R-" + i)))
                .isTrue();
        assertThat(throttle.tryLookup("203.0.113.9", "R-99")).isFalse();
        assertThat(throttle.tryLookup("198.51.100.7", "R-99"))
                .as("another client is not affected")
                .isTrue();
    }

    @Test
    void shouldStopManyClientsTryingOneOrderNumber() {
        LookupThrottle throttle = new LookupThrottle(100, 2, Duration.ofMinutes(10));

        assertThat(throttle.tryLookup("203.0.113.1", "R-1")).isTrue();
        assertThat(throttle.tryLookup("203.0.113.2", "R-1")).isTrue();
        assertThat(throttle.tryLookup("203.0.113.3", "R-1")).isFalse();
        assertThat(throttle.tryLookup("203.0.113.3", "R-2")).isTrue();
    }
}
