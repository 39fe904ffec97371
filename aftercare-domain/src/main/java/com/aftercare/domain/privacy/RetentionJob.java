package com.aftercare.domain.privacy;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the retention periods: once a day (and when an admin asks), every module's {@link
 * ExpiringData} removes what is older than each storefront's periods, then the shop-wide pass (data
 * of no storefront, the audit trail). What was removed is written to {@code retention_removal} for
 * the admins' report and summed up in the audit trail. One transaction under an advisory lock: two
 * instances never run it at once, and a failure removes nothing.
 */
@Service
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final long LOCK = 0x5245_5445_4e54L; // "RETENT"
    private static final int REPORT_LIMIT = 200;

    /** One line of the report. */
    public record ReportLine(Instant runAt, String storefrontCode, String item, int removed, Instant olderThan) {}

    private final List<ExpiringData> holders;
    private final RetentionPeriods periods;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    RetentionJob(List<ExpiringData> holders, RetentionPeriods periods, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.holders = holders;
        this.periods = periods;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "${aftercare.privacy.retention.cron:0 30 3 * * *}", zone = "${aftercare.shop.zone:Asia/Tokyo}")
    void daily() {
        int removed = run("retention-job");
        log.info("Retention run removed {} items", removed);
    }

    /**
     * Runs the retention now.
     *
     * @param actor who asked (an admin's username, or the schedule)
     * @return how many items were removed in all; 0 too when another instance is running it
     */
    @Transactional
    public int run(String actor) {
        boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single();
        if (!locked) {
            return 0;
        }
        Instant now = clock.instant();
        List<Line> lines = new ArrayList<>();
        for (RetentionPeriods.StorefrontPeriods storefront : periods.perStorefront()) {
            expire(storefront.periods(), now, lines);
        }
        expire(periods.shopDefault(), now, lines);
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (Line line : lines) {
            jdbc.sql("""
                            insert into retention_removal (run_at, storefront_id, item, removed, older_than)
                            values (:at, cast(:storefront as bigint), :item, :removed, :olderThan)
                            """)
                    .param("at", Timestamp.from(now))
                    .param("storefront", line.storefront == null ? null : line.storefront.value())
                    .param("item", line.removal.item())
                    .param("removed", line.removal.removed())
                    .param("olderThan", Timestamp.from(line.removal.olderThan()))
                    .update();
            totals.merge(line.removal.item(), line.removal.removed(), Integer::sum);
        }
        audit.record(actor, "privacy.retention-applied", "shop", null, Map.of("removed", totals));
        return totals.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The newest lines of the report, for admins. */
    @Transactional(readOnly = true)
    public List<ReportLine> report() {
        return jdbc.sql("""
                        select r.run_at, s.code, r.item, r.removed, r.older_than
                          from retention_removal r left join storefront_view s on s.id = r.storefront_id
                         order by r.run_at desc, r.id desc limit :limit
                        """)
                .param("limit", REPORT_LIMIT)
                .query((rs, i) -> new ReportLine(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private void expire(RetentionPeriods.Periods periods, Instant now, List<Line> lines) {
        for (ExpiringData holder : holders) {
            for (ExpiringData.Removal removal : holder.expire(periods, now)) {
                if (removal.removed() > 0) {
                    lines.add(new Line(periods.storefront(), removal));
                }
            }
        }
    }

    private record Line(StorefrontId storefront, ExpiringData.Removal removal) {}
}
