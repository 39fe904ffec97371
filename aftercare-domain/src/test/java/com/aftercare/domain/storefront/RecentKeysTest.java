package com.aftercare.domain.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentKeysTest {

    private static final byte[] HASH = {1, 2, 3};

    private final RecentKeys keys = new RecentKeys();
    private final AtomicInteger lookups = new AtomicInteger();

    private Optional<StorefrontId> lookUp(Optional<StorefrontId> answer) {
        return keys.storefrontFor(HASH, () -> {
            lookups.incrementAndGet();
            return answer;
        });
    }

    @Test
    void shouldAnswerAValidKeyAgainWithoutTheDatabase() {
        assertThat(lookUp(Optional.of(new StorefrontId(7)))).contains(new StorefrontId(7));
        assertThat(lookUp(Optional.empty())).contains(new StorefrontId(7));
        assertThat(lookups).hasValue(1);
    }

    @Test
    void shouldNeverRememberAnUnknownKey() {
        assertThat(lookUp(Optional.empty())).isEmpty();
        assertThat(lookUp(Optional.empty())).isEmpty();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void shouldAskTheDatabaseAgainAfterARevocation() {
        lookUp(Optional.of(new StorefrontId(7)));
        keys.forgetAll();
        assertThat(lookUp(Optional.empty())).isEmpty();
        assertThat(lookups).hasValue(2);
    }
}
