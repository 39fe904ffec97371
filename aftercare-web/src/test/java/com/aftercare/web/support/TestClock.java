package com.aftercare.web.support;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the test moves by hand, so timed behaviour is tested without sleeping. */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** Moves to a Japan Standard Time wall-clock time, e.g. {@code 2026-11-22T10:00}. */
    public void setJst(String localDateTime) {
        now = OffsetDateTime.parse(localDateTime + ":00+09:00").toInstant();
    }

    /** Moves on by {@code duration}. */
    public void advance(java.time.Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Aftercare reads instants only");
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Import into a test to replace the application's clock (a context of its own). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Instant.parse("2026-11-20T01:00:00Z"));
        }
    }
}
