package com.aftercare.returns;

import org.springframework.jdbc.core.simple.JdbcClient;

/** PostgreSQL advisory locks held until the caller's transaction ends: one writer per key at a time, on every instance. */
final class TransactionLocks {

    private TransactionLocks() {}

    static void hold(JdbcClient jdbc, String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", key)
                .query()
                .singleValue();
    }
}
