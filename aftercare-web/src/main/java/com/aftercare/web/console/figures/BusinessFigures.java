package com.aftercare.web.console.figures;

import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business view of the figures page: what becomes of first-time customers. Read from the
 * materialised {@code customer_purchase} (one row per customer and storefront, V66), refreshed by
 * {@link FiguresRefresh}, so every figure here is "as of" that refresh; how each one is computed
 * is in docs/figures.md and on the page.
 *
 * <p>A customer belongs to the period when their first (not cancelled, yen) order at a storefront
 * was placed in it; with no storefront chosen, a customer who bought at two storefronts counts
 * once per storefront. A window (30 days, 180 days, a cohort's month) is only counted for the
 * customers it has fully passed for, so recent customers do not pull the rates down.
 */
@Service
class BusinessFigures {

    /** The repeat-purchase windows, in days. */
    static final List<Integer> WINDOWS = List.of(30, 90, 180);

    /** The window the touch comparison uses: the first 180 days (6 × 30-day months). */
    static final int TOUCH_DAYS = 180;

    static final int COHORT_MONTHS = 12;

    /** Days between first and second purchase: the lower bound of each band. */
    static final List<Integer> SECOND_PURCHASE_BANDS = List.of(0, 7, 30, 90, 180, 365);

    private static final Duration MONTH = Duration.ofDays(30);

    /** Customers whose first purchase fell in [start, end), limited to one storefront or not. */
    private static final String FIRST_IN_PERIOD = """
              from customer_purchase
             where first_order_at >= :start and first_order_at < :end
               and (cast(:storefront as bigint) is null or storefront_id = :storefront)
            """;

    /** @param matured customers the window has passed for; null rates when none has */
    record RepeatRate(int days, long matured, long repeated) {

        public BigDecimal percent() {
            return BusinessFigures.percent(repeated, matured);
        }
    }

    /** @param fromDays lower bound (included), {@code toDays} upper (excluded), null for open-ended */
    record SecondPurchaseBand(int fromDays, Integer toDays, long customers) {}

    /** @param medianDays null when nobody has bought twice */
    record TimeToSecond(List<SecondPurchaseBand> bands, long notYet, BigDecimal medianDays) {}

    /**
     * One first-purchase month: its customers and the average cumulative yen per customer after 1
     * … 12 months (30 days each), null for months not yet over for every customer of the cohort.
     */
    record Cohort(YearMonth month, long customers, List<Long> ltv) {}

    enum Touch {
        STEP_MAIL("step_mail"),
        COUPON("coupon"),
        CLAIM("claim"),
        INQUIRY("inquiry");

        final String column;

        Touch(String column) {
            this.column = column;
        }
    }

    /**
     * Customers with and without one touch in their first 180 days.
     *
     * @param matured of them, those 180 days have passed for: the base of the repeat rate and revenue
     * @param revenue yen the matured ones spent in their first 180 days
     */
    record Side(long customers, long matured, long repeated, long revenue) {

        public BigDecimal repeatPercent() {
            return BusinessFigures.percent(repeated, matured);
        }

        /** Average yen per matured customer, or null without any. */
        public Long averageRevenue() {
            return matured == 0 ? null : Math.round((double) revenue / matured);
        }
    }

    record TouchComparison(Touch touch, Side with, Side without) {}

    record Business(
            Instant asOf,
            long customers,
            List<RepeatRate> repeat,
            TimeToSecond timeToSecond,
            List<Cohort> cohorts,
            List<TouchComparison> touches) {

        /** Whether any repeat window is over for some customer (else there is no rate to show). */
        public boolean repeatMeasured() {
            return repeat.stream().anyMatch(r -> r.matured() > 0);
        }

        /** Whether any customer compared is {@value #TOUCH_DAYS} days past the first purchase. */
        public boolean touchesMeasured() {
            return touches.stream()
                    .anyMatch(t -> t.with().matured() + t.without().matured() > 0);
        }
    }

    private final JdbcClient jdbc;
    private final FiguresRefresh refresh;
    private final ShopProperties shop;
    private final Clock clock;

    BusinessFigures(JdbcClient jdbc, FiguresRefresh refresh, ShopProperties shop, Clock clock) {
        this.jdbc = jdbc;
        this.refresh = refresh;
        this.shop = shop;
        this.clock = clock;
    }

    /** @param storefront one storefront, or null for all */
    @Transactional(readOnly = true)
    Business of(ReportingPeriod period, StorefrontId storefront) {
        Instant now = clock.instant();
        Instant start = period.start(shop.zone());
        Instant end = period.end(shop.zone());
        Instant asOf = refresh.refreshedAt(FiguresRefresh.BUSINESS);
        FirstPurchaseGroups groups = groups(start, end, storefront, now);
        return new Business(
                asOf,
                groups.customers(),
                groups.repeat(),
                new TimeToSecond(groups.bands(), groups.notYet(), medianDaysToSecond(start, end, storefront, now)),
                cohorts(period, storefront, now),
                groups.touches());
    }

    private FirstPurchaseGroups groups(Instant start, Instant end, StorefrontId storefront, Instant now) {
        JdbcClient.StatementSpec statement =
                inPeriod(FirstPurchaseGroups.select(FIRST_IN_PERIOD), start, end, storefront, now);
        List<Timestamp> passed = FirstPurchaseGroups.passedBefore(now);
        for (int i = 0; i < passed.size(); i++) {
            statement = statement.param("passed" + i, passed.get(i));
        }
        return new FirstPurchaseGroups(
                statement.query((rs, n) -> FirstPurchaseGroups.group(rs)).list());
    }

    /** The median days between first and second purchase, null when nobody has bought twice. */
    private BigDecimal medianDaysToSecond(Instant start, Instant end, StorefrontId storefront, Instant now) {
        return inPeriod(
                        "select percentile_cont(0.5) within group"
                                + " (order by extract(epoch from second_order_at - first_order_at))" + FIRST_IN_PERIOD,
                        start,
                        end,
                        storefront,
                        now)
                .query((rs, n) -> Optional.ofNullable(rs.getBigDecimal(1)))
                .single()
                .map(seconds -> seconds.divide(BigDecimal.valueOf(86400), 1, RoundingMode.HALF_UP))
                .orElse(null);
    }

    /**
     * The twelve first-purchase months up to the period's last, months taken in the shop's zone;
     * the storefront as chosen, the period itself only picks the last month.
     */
    private List<Cohort> cohorts(ReportingPeriod period, StorefrontId storefront, Instant now) {
        YearMonth last = YearMonth.from(period.to());
        YearMonth first = last.minusMonths(COHORT_MONTHS - 1);
        Instant start = first.atDay(1).atStartOfDay(shop.zone()).toInstant();
        Instant end = last.plusMonths(1).atDay(1).atStartOfDay(shop.zone()).toInstant();
        String sums = IntStream.rangeClosed(1, COHORT_MONTHS)
                .mapToObj(k -> "sum(revenue_by_month[" + k + "])")
                .collect(Collectors.joining(", "));
        List<Cohort> found = inPeriod(
                        "select to_char(first_order_at at time zone :zone, 'YYYY-MM') as month, count(*),"
                                + " max(first_order_at), " + sums + FIRST_IN_PERIOD + " group by 1 order by 1",
                        start,
                        end,
                        storefront,
                        now)
                .param("zone", shop.zone().getId())
                .query((rs, n) -> cohort(rs, now))
                .list();
        // every month of the table, an empty row where nobody bought for the first time
        List<Cohort> all = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth month = m;
            all.add(found.stream()
                    .filter(c -> c.month().equals(month))
                    .findFirst()
                    .orElse(new Cohort(month, 0, nulls())));
        }
        return List.copyOf(all);
    }

    private static Cohort cohort(ResultSet rs, Instant now) throws SQLException {
        long customers = rs.getLong(2);
        Instant lastFirstPurchase = rs.getTimestamp(3).toInstant();
        List<Long> ltv = new ArrayList<>();
        long cumulative = 0;
        for (int k = 1; k <= COHORT_MONTHS; k++) {
            cumulative += rs.getLong(3 + k);
            boolean over = !lastFirstPurchase.plus(MONTH.multipliedBy(k)).isAfter(now);
            ltv.add(over ? Math.round((double) cumulative / customers) : null);
        }
        return new Cohort(YearMonth.parse(rs.getString(1)), customers, Collections.unmodifiableList(ltv));
    }

    private static List<Long> nulls() {
        return Collections.nCopies(COHORT_MONTHS, null);
    }

    private JdbcClient.StatementSpec inPeriod(
            String sql, Instant start, Instant end, StorefrontId storefront, Instant now) {
        return jdbc.sql(sql)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("now", Timestamp.from(now))
                .param("storefront", storefront == null ? null : storefront.value(), Types.BIGINT);
    }

    /** A share in percent with one decimal, or null without a base. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
