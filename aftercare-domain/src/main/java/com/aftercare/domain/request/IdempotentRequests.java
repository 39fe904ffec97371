package com.aftercare.domain.request;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers what a keyed request produced, in the transaction that produced it: a retry answers
 * the first result, and a crash before the commit leaves neither the result nor the key. Use
 * {@link #earlier} first and {@link #remember} after the work, in one transaction. Keys are
 * remembered for {@code aftercare.api.idempotency-retention} (30 days): long enough for any retry,
 * and a storefront may use a key again after that.
 */
@Component
public class IdempotentRequests {

    private static final int CLEANUP_BATCH = 1000;

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;

    IdempotentRequests(
            JdbcClient jdbc, @Value("${aftercare.api.idempotency-retention:30d}") Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    private record Earlier(byte[] fingerprint, String result) {}

    /**
     * The result of an earlier request with this key, if there was one. Locks the key until the
     * transaction ends, so two concurrent tries queue here and the second sees the first's result.
     *
     * @throws IdempotencyKeyReused when the earlier request with this key was a different one
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> earlier(RequestKey request) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                .param("lock", "request:" + request.storefront().value() + ":" + request.scope() + ":" + request.key())
                .query()
                .singleValue();
        Optional<Earlier> earlier = jdbc.sql("""
                        select request_sha256, result from api_request
                         where storefront_id = :storefront and scope = :scope and request_key = :key
                        """)
                .param("storefront", request.storefront().value())
                .param("scope", request.scope())
                .param("key", request.key())
                .query((rs, i) -> new Earlier(rs.getBytes(1), rs.getString(2)))
                .optional();
        if (earlier.isPresent() && !Arrays.equals(earlier.get().fingerprint(), request.fingerprint())) {
            throw new IdempotencyKeyReused(request.key(), earlier.get().result());
        }
        return earlier.map(Earlier::result);
    }

    /** Records the result of the keyed request; call after {@link #earlier} found none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remember(RequestKey request, String result) {
        jdbc.sql("""
                        insert into api_request (storefront_id, scope, request_key, request_sha256, result, created_at)
                        values (:storefront, :scope, :key, :fingerprint, :result, :at)
                        """)
                .param("storefront", request.storefront().value())
                .param("scope", request.scope())
                .param("key", request.key())
                .param("fingerprint", request.fingerprint())
                .param("result", result)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Forgets the keys older than the retention, in batches so no statement holds many rows.
     *
     * @return how many were forgotten
     */
    @Scheduled(fixedDelayString = "${aftercare.api.idempotency-cleanup-interval:1h}")
    public int forgetOld() {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            delete from api_request where ctid in (
                                select ctid from api_request where created_at < :before limit :batch)
                            """)
                    .param("before", before)
                    .param("batch", CLEANUP_BATCH)
                    .update();
            total += deleted;
        } while (deleted == CLEANUP_BATCH);
        return total;
    }
}
