package com.aftercare.domain.request;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers what a keyed request produced, in the transaction that produced it: a retry answers
 * the first result, and a crash before the commit leaves neither the result nor the key. Use
 * {@link #earlier} first and {@link #remember} after the work, in one transaction.
 */
@Component
public class IdempotentRequests {

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                        insert into api_request (storefront_id, scope, request_key, request_sha256, result)
                        values (:storefront, :scope, :key, :fingerprint, :result)
                        """)
                .param("storefront", request.storefront().value())
                .param("scope", request.scope())
                .param("key", request.key())
                .param("fingerprint", request.fingerprint())
                .param("result", result)
                .update();
    }
}
