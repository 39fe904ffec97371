package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.ratelimit.RateBuckets;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import java.time.Duration;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lookup throttle on real PostgreSQL. Two throttles on one database stand for two app
 * instances: they share one allowance. Addresses and order numbers are unique per test, since
 * the buckets outlive a test run.
 */
@AftercareIntegrationTest
class LookupThrottleTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldStopAClientTryingManyOrderNumbers() {
        LookupThrottle throttle = new LookupThrottle(new RateBuckets(dataSource), 3, 100, Duration.ofMinutes(10));
        String client = Events.unique("203.0.113.9");
        String other = Events.unique("198.51.100.7");

        assertThat(IntStream.range(0, 3).allMatch(i -> throttle.tryLookup(client, Events.unique("R"))))
                .isTrue();
        assertThat(throttle.tryLookup(client, Events.unique("R"))).isFalse();
        assertThat(throttle.tryLookup(other, Events.unique("R")))
                .as("another client is not affected")
                .isTrue();
    }

    @Test
    void shouldStopManyClientsTryingOneOrderNumber() {
        LookupThrottle throttle = new LookupThrottle(new RateBuckets(dataSource), 100, 2, Duration.ofMinutes(10));
        String order = Events.unique("R");

        assertThat(throttle.tryLookup(Events.unique("203.0.113.1"), order)).isTrue();
        assertThat(throttle.tryLookup(Events.unique("203.0.113.2"), order)).isTrue();
        assertThat(throttle.tryLookup(Events.unique("203.0.113.3"), order)).isFalse();
        assertThat(throttle.tryLookup(Events.unique("203.0.113.3"), Events.unique("R")))
                .isTrue();
    }

    @Test
    void shouldShareOneAllowanceBetweenInstances() {
        LookupThrottle instanceA = new LookupThrottle(new RateBuckets(dataSource), 4, 100, Duration.ofMinutes(10));
        LookupThrottle instanceB = new LookupThrottle(new RateBuckets(dataSource), 4, 100, Duration.ofMinutes(10));
        String client = Events.unique("192.0.2.44");

        assertThat(instanceA.tryLookup(client, Events.unique("R"))).isTrue();
        assertThat(instanceB.tryLookup(client, Events.unique("R"))).isTrue();
        assertThat(instanceA.tryLookup(client, Events.unique("R"))).isTrue();
        assertThat(instanceB.tryLookup(client, Events.unique("R"))).isTrue();

        assertThat(instanceA.tryLookup(client, Events.unique("R")))
                .as("four tries were used across both instances")
                .isFalse();
        assertThat(instanceB.tryLookup(client, Events.unique("R"))).isFalse();
    }

    @Test
    void shouldRemoveTheRowsOfBucketsThatAreFullAgain() {
        RateBuckets buckets = new RateBuckets(dataSource);
        LookupThrottle shortWindow = new LookupThrottle(buckets, 5, 5, Duration.ofMillis(1));
        String client = Events.unique("192.0.2.99");
        shortWindow.tryLookup(client, Events.unique("R"));
        assertThat(rows(client)).isEqualTo(1);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            buckets.removeExpired();
            assertThat(rows(client)).isZero();
        });
    }

    private long rows(String client) {
        return jdbc.sql("select count(*) from portal_rate_limit where id = :id")
                .param("id", "client:" + client)
                .query(Long.class)
                .single();
    }
}
