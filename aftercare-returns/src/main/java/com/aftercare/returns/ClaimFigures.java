package com.aftercare.returns;

import com.aftercare.domain.shop.ReportingPeriod;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.domain.storefront.StorefrontId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The after-sales figures of a period in SQL: how often products come back (by product, category
 * and reason), how much was refunded, and how long customers waited for their money.
 *
 * <p>Return rates follow the orders placed in the period (a cohort): "sold" counts the units of
 * those orders that were not cancelled, "returned" the units of claims on those same orders that
 * send items back (RETURN, EXCHANGE, REFUND_GUARANTEE) and were not refused, whenever they were
 * asked for. The rate is returned ÷ sold, in percent with one decimal. The rates are read from the
 * per-day aggregate {@code return_rate_day}, as of its last rebuild ({@link #rebuildReturnRates()},
 * every refresh round of the figures): at a million orders a live count joined every order line
 * of the period twice per page. Reasons count the claims asked for in the period; refunds and the
 * time to refund, the refunds made in it — those stay live.
 */
@Service
public class ClaimFigures {

    private static final String SENT_BACK = "c.type in ('RETURN', 'EXCHANGE', 'REFUND_GUARANTEE')"
            + " and c.status not in ('REJECTED', 'QUOTE_DECLINED')";

    private final JdbcClient jdbc;
    private final ShopProperties shop;
    private final Clock clock;

    ClaimFigures(JdbcClient jdbc, ShopProperties shop, Clock clock) {
        this.jdbc = jdbc;
        this.shop = shop;
        this.clock = clock;
    }

    /** One row of a return-rate table: the product (SKU and name), category or reason. */
    public record Rate(String key, String label, long sold, long returned, BigDecimal percent) {}

    public record ReasonCount(String reason, long claims, long units) {}

    public record RefundTotal(String route, long refunds, long yen) {}

    /** Time from the request to the refund, in hours; null when nothing was refunded yet. */
    public record TimeToRefund(long refunds, BigDecimal averageHours, BigDecimal medianHours) {}

    public record Figures(
            ReportingPeriod period,
            List<Rate> byProduct,
            List<Rate> byCategory,
            List<ReasonCount> byReason,
            List<RefundTotal> refunds,
            TimeToRefund timeToRefund) {}

    /** The thirty shop days up to today: what the page shows first. */
    public ReportingPeriod lastThirtyDays() {
        return ReportingPeriod.lastThirtyDays(clock.instant(), shop.zone());
    }

    /** @param storefront one storefront's figures, or null for the whole shop */
    @Transactional(readOnly = true)
    public Figures of(ReportingPeriod period, StorefrontId storefront) {
        Function<String, JdbcClient.StatementSpec> inPeriod = sql -> jdbc.sql(sql)
                .param("start", Timestamp.from(period.start(shop.zone())))
                .param("end", Timestamp.from(period.end(shop.zone())))
                .param("from", period.from())
                .param("to", period.to())
                .param("storefront", storefront == null ? null : storefront.value(), Types.BIGINT);
        return new Figures(
                period,
                rates(inPeriod, "sku", "max(product_name)"),
                rates(inPeriod, "category", "''"),
                reasons(inPeriod),
                refunds(inPeriod),
                timeToRefund(inPeriod));
    }

    /**
     * Sums the period's days of {@code return_rate_day}: at most days × SKUs rows, whatever the
     * number of orders. Keys sold in the period only (a key's returns come from the same orders).
     */
    private List<Rate> rates(Function<String, JdbcClient.StatementSpec> inPeriod, String key, String label) {
        return inPeriod.apply("""
                        select %1$s, %2$s, sum(sold), sum(returned), round(100.0 * sum(returned) / sum(sold), 1)
                          from return_rate_day
                         where day between :from and :to
                           and (cast(:storefront as bigint) is null or storefront_id = :storefront)
                         group by 1
                        having sum(sold) > 0
                         order by 5 desc, 1
                         limit 100
                        """.formatted(key, label))
                .query((rs, i) ->
                        new Rate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)))
                .list();
    }

    /**
     * Rebuilds {@code return_rate_day} from the orders and claims as they are now, in the caller's
     * transaction (the figures' refresh round): units of the orders that were not cancelled, by the
     * shop day the order was placed, and the units of their claims that send items back. Orders and
     * claims are only read, so writers never wait; readers see the old rows until commit.
     */
    @Transactional
    public void rebuildReturnRates() {
        jdbc.sql("delete from return_rate_day").update();
        jdbc.sql("""
                        insert into return_rate_day (storefront_id, day, sku, category, product_name, sold, returned)
                        with bought as (
                            select o.id, o.storefront_id, cast(o.placed_at at time zone :zone as date) as day
                              from order_view o
                             where o.status <> 'CANCELLED'
                        ), sold as (
                            select o.storefront_id, o.day, l.sku, coalesce(l.category, '') as category,
                                   max(l.product_name) as product_name, sum(l.quantity) as units
                              from order_line_view l join bought o on o.id = l.order_id
                             group by 1, 2, 3, 4
                        ), returned as (
                            select o.storefront_id, o.day, l.sku, coalesce(l.category, '') as category,
                                   sum(l.quantity) as units
                              from claim_line l join claim c on c.id = l.claim_id join bought o on o.id = c.order_id
                             where %s
                             group by 1, 2, 3, 4
                        )
                        select s.storefront_id, s.day, s.sku, s.category, s.product_name, s.units, coalesce(r.units, 0)
                          from sold s
                          left join returned r
                            on r.storefront_id = s.storefront_id and r.day = s.day and r.sku = s.sku
                           and r.category = s.category
                        """.formatted(SENT_BACK)).param("zone", shop.zone().getId()).update();
    }

    private List<ReasonCount> reasons(Function<String, JdbcClient.StatementSpec> inPeriod) {
        return inPeriod.apply("""
                        select c.reason, count(distinct c.id), sum(l.quantity)
                          from claim c join claim_line l on l.claim_id = c.id
                         where %s and c.requested_at >= :start and c.requested_at < :end
                           and (cast(:storefront as bigint) is null or c.storefront_id = :storefront)
                         group by c.reason
                         order by 2 desc, 1
                        """.formatted(SENT_BACK))
                .query((rs, i) -> new ReasonCount(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** The claims refunded in the period, with when they were asked for and when refunded. */
    private static final String REFUNDED_IN_PERIOD = """
            refunded as (
                select c.id, c.refund_route, c.refund_total_yen, c.requested_at, h.at as refunded_at
                  from claim c join claim_status_history h on h.claim_id = c.id and h.status_to = 'REFUNDED'
                 where h.at >= :start and h.at < :end
                   and (cast(:storefront as bigint) is null or c.storefront_id = :storefront)
            )
            """;

    private List<RefundTotal> refunds(Function<String, JdbcClient.StatementSpec> inPeriod) {
        return inPeriod.apply("with " + REFUNDED_IN_PERIOD + """
                        select refund_route, count(*), sum(refund_total_yen)
                          from refunded
                         where refund_total_yen is not null
                         group by refund_route
                         order by 1
                        """)
                .query((rs, i) -> new RefundTotal(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private TimeToRefund timeToRefund(Function<String, JdbcClient.StatementSpec> inPeriod) {
        return inPeriod.apply("with " + REFUNDED_IN_PERIOD + """
                        , waited as (
                            select extract(epoch from (refunded_at - requested_at)) / 3600.0 as hours from refunded
                        )
                        select count(*), round(avg(hours), 1),
                               round(cast(percentile_cont(0.5) within group (order by hours) as numeric), 1)
                          from waited
                        """)
                .query((rs, i) -> new TimeToRefund(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
    }
}
