package com.aftercare.web.console.figures;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the business figures' materialised {@code customer_purchase} fresh. {@code REFRESH …
 * CONCURRENTLY} builds the new contents beside the old and swaps the differences in, so orders,
 * claims and mails go on being written and the page goes on reading while it runs; the page
 * shows the time of the last refresh as "as of". With several instances, one refreshes per round
 * (a transaction-scoped advisory lock) and the others skip it.
 */
@Component
public class FiguresRefresh {

    private static final Logger log = LoggerFactory.getLogger(FiguresRefresh.class);

    /** The advisory lock key of the refresh ("figures" in ASCII), shared by every instance. */
    private static final long LOCK = 0x66696775726573L;

    private final JdbcClient jdbc;

    FiguresRefresh(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    private void refreshNow() {
        jdbc.sql("refresh materialized view concurrently customer_purchase").update();
        // now() is the start of this transaction: the refresh sees what was committed by then
        jdbc.sql("update figures_refresh set refreshed_at = now() where name = 'customer_purchase'")
                .update();
    }
}
