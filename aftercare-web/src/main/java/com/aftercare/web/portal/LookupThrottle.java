package com.aftercare.web.portal;

import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Rate limits for the portal's order lookup, per client address and per order number (Bucket4j
 * token buckets), so the portal cannot be used to guess orders: a client trying many numbers runs
 * out, and so does anyone trying many emails against one number. Buckets live in this instance's
 * memory (bounded, oldest evicted); with several instances each keeps its own, which multiplies
 * the allowance by the instance count — a PostgreSQL-backed Bucket4j store is the next step.
 */
@Component
class LookupThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int perClient;
    private final int perOrder;
    private final Duration window;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    LookupThrottle(
            @Value("${aftercare.portal.lookup.per-client:10}") int perClient,
            @Value("${aftercare.portal.lookup.per-order:5}") int perOrder,
            @Value("${aftercare.portal.lookup.window:10m}") Duration window) {
        this.perClient = perClient;
        this.perOrder = perOrder;
        this.window = window;
    }

    /** Takes one try for this client and this order number; false when either is used up. */
    boolean tryLookup(String client, String orderNumber) {
        // Both buckets are always charged, so a refused try still counts against the other.
        boolean clientOk = bucket("client:" + client, perClient).tryConsume(1);
        boolean orderOk = bucket("order:" + orderNumber, perOrder).tryConsume(1);
        return clientOk && orderOk;
    }

    /**
     * Takes one try for the contact form: the client's lookup bucket, and the order's too when
     * the form names one (tying a message to an order is a lookup of its own).
     */
    boolean tryContact(String client, String orderNumber) {
        return orderNumber == null
                ? bucket("client:" + client, perClient).tryConsume(1)
                : tryLookup(client, orderNumber);
    }

    /** Answers a refused try: 429, when to come back, and the portal's wording. */
    void refuse(HttpServletResponse response, Model model) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(window.toSeconds()));
        model.addAttribute("problem", "portal.lookup.throttled");
    }

    private synchronized Bucket bucket(String key, int capacity) {
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, window))
                        .build());
    }
}
