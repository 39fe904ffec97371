package com.aftercare.web.console.figures;

import com.aftercare.returns.ClaimFigures;
import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the figures' aggregates fresh: the business view's materialised {@code customer_purchase}
 * and the claims module's per-day return rates. {@code REFRESH … CONCURRENTLY} builds the new
 * contents beside the old and swaps the differences in, and the return rates are rebuilt in the
 * same transaction, so orders, claims and mails go on being written and the pages go on reading
 * while it runs; the pages show the time of the last refresh as "as of". With several instances,
 * one refreshes per round (a transaction-scoped advisory lock) and the others skip it.
 */
@Component
public class FiguresRefresh {

    private static final Logger log = LoggerFactory.getLogger(FiguresRefresh.class);

    /** The advisory lock key of the refresh ("figures" in ASCII), shared by every instance. */
    private static final long LOCK = 0x66696775726573L;

    /** The names in {@code figures_refresh}. */
    public static final String BUSINESS = "customer_purchase";

    public static final String RETURN_RATES = "return_rate_day";

    private final JdbcClient jdbc;
    private final ClaimFigures claims;

    FiguresRefresh(JdbcClient jdbc, ClaimFigures claims) {
        this.jdbc = jdbc;
        this.claims = claims;
    }

    /** Every {@code aftercare.figures.refresh-interval} (default 10 minutes), unless another instance is at it. */
    @Scheduled(
            initialDelayString = "${aftercare.figures.refresh-initial-delay:1m}",
            fixedDelayString = "${aftercare.figures.refresh-interval:10m}")
    @Transactional
    public void refreshUnlessRunning() {
        if (Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Boolean.class)
                .single())) {
            long started = System.nanoTime();
            refreshNow();
            log.info("Business figures refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Refreshes now, waiting for a refresh under way elsewhere to finish first. */
    @Transactional
    public void refresh() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?)")
                .param(LOCK)
                .query(Integer.class)
                .single();
        refreshNow();
    }

    /** When an aggregate was last refreshed ({@link #BUSINESS}, {@link #RETURN_RATES}), or null if never. */
    public Instant refreshedAt(String name) {
        return jdbc.sql("select refreshed_at from figures_refresh where name = ?")
                .param(name)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
    }

    private void refreshNow() {
        jdbc.sql("refresh materialized view concurrently customer_purchase").update();
        claims.rebuildReturnRates();
        // now() is the start of this transaction: the refresh sees what was committed by then
        jdbc.sql("update figures_refresh set refreshed_at = now() where name in (?, ?)")
                .param(BUSINESS)
                .param(RETURN_RATES)
                .update();
    }
}
