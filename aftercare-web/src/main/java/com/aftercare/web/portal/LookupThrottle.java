package com.aftercare.web.portal;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Rate limits for the portal's order lookup, per client address and per order number (Bucket4j
 * token buckets), so the portal cannot be used to guess orders: a client trying many numbers runs
 * out, and so does anyone trying many emails against one number. The buckets live in PostgreSQL
 * ({@code portal_rate_limit}, Bucket4j's PostgreSQL proxy manager, one {@code SELECT … FOR UPDATE}
 * transaction per bucket), so every app instance draws on the same allowance. A bucket keeps the
 * limits it was made with: a changed setting applies to a client or order once its bucket is full
 * again and its row expired (at most one window).
 */
@Component
class LookupThrottle {

    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration perClient;
    private final BucketConfiguration perOrder;
    private final Duration window;

    LookupThrottle(
            DataSource dataSource,
            @Value("${aftercare.portal.lookup.per-client:10}") int perClient,
            @Value("${aftercare.portal.lookup.per-order:5}") int perOrder,
            @Value("${aftercare.portal.lookup.window:10m}") Duration window) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("portal_rate_limit")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // a row may go once its bucket would be full again anyway
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.perClient = limit(perClient, window);
        this.perOrder = limit(perOrder, window);
        this.window = window;
    }

    private static BucketConfiguration limit(int capacity, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, window))
                .build();
    }

    /** Takes one try for this client and this order number; false when either is used up. */
    boolean tryLookup(String client, String orderNumber) {
        // Both buckets are always charged, so a refused try still counts against the other.
        boolean clientOk = take("client:" + client, perClient);
        boolean orderOk = take("order:" + orderNumber, perOrder);
        return clientOk && orderOk;
    }

    /**
     * Takes one try for the contact form: the client's lookup bucket, and the order's too when
     * the form names one (tying a message to an order is a lookup of its own).
     */
    boolean tryContact(String client, String orderNumber) {
        return orderNumber == null ? take("client:" + client, perClient) : tryLookup(client, orderNumber);
    }

    /** Answers a refused try: 429, when to come back, and the portal's wording. */
    void refuse(HttpServletResponse response, Model model) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(window.toSeconds()));
        model.addAttribute("problem", "portal.lookup.throttled");
    }

    /** Deletes the rows of buckets that are full again; any instance may run it. */
    @Scheduled(fixedDelayString = "${aftercare.portal.lookup.cleanup-interval:10m}")
    void removeExpired() {
        while (buckets.removeExpired(CLEANUP_BATCH) == CLEANUP_BATCH) {
            // next batch
        }
    }

    private boolean take(String key, BucketConfiguration limit) {
        return buckets.builder().build(key, () -> limit).tryConsume(1);
    }
}
