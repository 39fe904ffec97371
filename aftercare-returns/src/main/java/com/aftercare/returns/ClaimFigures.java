package com.aftercare.returns;

import com.aftercare.domain.storefront.StorefrontId;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The after-sales figures in SQL: how often products come back (by product, category and
 * reason), how much was refunded, and how long customers waited for their money.
 *
 * <p>"Returned" counts the units of claims that send items back (RETURN, EXCHANGE,
 * REFUND_GUARANTEE) that were not refused; "sold" counts the units of orders that were not
 * cancelled. The rate is returned ÷ sold, in percent with one decimal.
 */
@Service
public class ClaimFigures {

    private static final String SENT_BACK = "c.type in ('RETURN', 'EXCHANGE', 'REFUND_GUARANTEE')"
            + " and c.status not in ('REJECTED', 'QUOTE_DECLINED')";

    private final JdbcClient jdbc;

    ClaimFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of a return-rate table: the product (SKU and name), category or reason. */
    public record Rate(String key, String label, long sold, long returned, BigDecimal percent) {}

    public record ReasonCount(String reason, long claims, long units) {}

    public record RefundTotal(String route, long refunds, long yen) {}

    /** Time from the request to the refund, in hours; null when nothing was refunded yet. */
    public record TimeToRefund(long refunds, BigDecimal averageHours, BigDecimal medianHours) {}

    public record Figures(
            List<Rate> byProduct,
            List<Rate> byCategory,
            List<ReasonCount> byReason,
            List<RefundTotal> refunds,
            TimeToRefund timeToRefund) {}

    /** @param storefront one storefront's figures, or null for the whole shop */
    @Transactional(readOnly = true)
    public Figures of(StorefrontId storefront) {
        Long id = storefront == null ? null : storefront.value();
        return new Figures(
                rates("l.sku", "max(l.product_name)", id),
                rates("coalesce(l.category, '')", "''", id),
                reasons(id),
                refunds(id),
                timeToRefund(id));
    }

    private List<Rate> rates(String key, String label, Long storefront) {
        return jdbc.sql("""
                        with sold as (
                            select %1$s as key, %2$s as label, sum(l.quantity) as units
                              from order_line l join customer_order o on o.id = l.order_id
                             where o.status <> 'CANCELLED' and (cast(:storefront as bigint) is null or o.storefront_id = :storefront)
                             group by 1
                        ), returned as (
                            select %1$s as key, sum(l.quantity) as units
                              from claim_line l join claim c on c.id = l.claim_id
                             where %3$s and (cast(:storefront as bigint) is null or c.storefront_id = :storefront)
                             group by 1
                        )
                        select s.key, s.label, s.units, coalesce(r.units, 0),
                               round(100.0 * coalesce(r.units, 0) / s.units, 1)
                          from sold s left join returned r on r.key = s.key
                         order by 5 desc, s.key
                         limit 100
                        """.formatted(key, label, SENT_BACK))
                .param("storefront", storefront)
                .query((rs, i) ->
                        new Rate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)))
                .list();
    }

    private List<ReasonCount> reasons(Long storefront) {
        return jdbc.sql("""
                        select c.reason, count(distinct c.id), sum(l.quantity)
                          from claim c join claim_line l on l.claim_id = c.id
                         where %s and (cast(:storefront as bigint) is null or c.storefront_id = :storefront)
                         group by c.reason
                         order by 2 desc, 1
                        """.formatted(SENT_BACK))
                .param("storefront", storefront)
                .query((rs, i) -> new ReasonCount(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private List<RefundTotal> refunds(Long storefront) {
        return jdbc.sql("""
                        select c.refund_route, count(*), sum(c.refund_total_yen)
                          from claim c
                         where c.refund_total_yen is not null
                           and (cast(:storefront as bigint) is null or c.storefront_id = :storefront)
                         group by c.refund_route
                         order by 1
                        """)
                .param("storefront", storefront)
                .query((rs, i) -> new RefundTotal(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private TimeToRefund timeToRefund(Long storefront) {
        return jdbc.sql("""
                        with waited as (
                            select extract(epoch from (h.at - c.requested_at)) / 3600.0 as hours
                              from claim c join claim_status_history h on h.claim_id = c.id and h.status_to = 'REFUNDED'
                             where cast(:storefront as bigint) is null or c.storefront_id = :storefront
                        )
                        select count(*), round(avg(hours), 1),
                               round(cast(percentile_cont(0.5) within group (order by hours) as numeric), 1)
                          from waited
                        """)
                .param("storefront", storefront)
                .query((rs, i) -> new TimeToRefund(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .single();
    }
}
