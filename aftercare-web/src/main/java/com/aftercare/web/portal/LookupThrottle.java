package com.aftercare.web.portal;

import com.aftercare.web.ratelimit.RateBuckets;
import io.github.bucket4j.BucketConfiguration;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Rate limits for the portal's order lookup, per client address and per order number (Bucket4j
 * token buckets), so the portal cannot be used to guess orders: a client trying many numbers runs
 * out, and so does anyone trying many emails against one number. The buckets are {@link
 * RateBuckets}, in PostgreSQL, so every app instance draws on the same allowance.
 */
@Component
class LookupThrottle {

    private final RateBuckets buckets;
    private final BucketConfiguration perClient;
    private final BucketConfiguration perOrder;
    private final Duration window;

    LookupThrottle(
            RateBuckets buckets,
            @Value("${aftercare.portal.lookup.per-client:10}") int perClient,
            @Value("${aftercare.portal.lookup.per-order:5}") int perOrder,
            @Value("${aftercare.portal.lookup.window:10m}") Duration window) {
        this.buckets = buckets;
        this.perClient = RateBuckets.limit(perClient, window);
        this.perOrder = RateBuckets.limit(perOrder, window);
        this.window = window;
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

    private boolean take(String key, BucketConfiguration limit) {
        return buckets.take(key, limit);
    }
}
