package com.aftercare.web.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by every app instance (Bucket4j's PostgreSQL proxy manager on {@code
 * portal_rate_limit}, one {@code SELECT … FOR UPDATE} transaction per bucket), for every limit the
 * web layer keeps: the portal's lookups and contact form, the console's login per client. Keys are
 * prefixed by their use. A bucket keeps the limits it was made with: a changed setting applies
 * to a key once its bucket is full again and its row expired (at most one window).
 */
@Component
public class RateBuckets {

    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    public RateBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("portal_rate_limit")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // a row may go once its bucket would be full again anyway
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    /** {@code capacity} tokens, all given back over each {@code window}. */
    public static BucketConfiguration limit(int capacity, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, window))
                .build();
    }

    /** Takes one token from the key's bucket; false when it is empty. */
    public boolean take(String key, BucketConfiguration limit) {
        return buckets.builder().build(key, () -> limit).tryConsume(1);
    }

    /** Whether the key's bucket still has a token, taking none. */
    public boolean hasRoom(String key, BucketConfiguration limit) {
        return buckets.builder().build(key, () -> limit).getAvailableTokens() > 0;
    }

    /** Deletes the rows of buckets that are full again; any instance may run it. */
    @Scheduled(fixedDelayString = "${aftercare.portal.lookup.cleanup-interval:10m}")
    public void removeExpired() {
        while (buckets.removeExpired(CLEANUP_BATCH) == CLEANUP_BATCH) {
            // next batch
        }
    }
}
