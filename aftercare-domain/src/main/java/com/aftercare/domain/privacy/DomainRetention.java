package com.aftercare.domain.privacy;

import com.aftercare.domain.shop.ShopProperties;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The domain's share of a retention run, in the shop-wide pass only: audit entries older than the
 * shop's period, and erased customers' orders whose legal period ({@link ErasedOrders}) has ended.
 */
@Component
class DomainRetention implements ExpiringData {

    private final JdbcClient jdbc;
    private final ErasedOrders orders;
    private final ShopProperties shop;

    DomainRetention(JdbcClient jdbc, ErasedOrders orders, ShopProperties shop) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.shop = shop;
    }

    @Override
    public List<Removal> expire(RetentionPeriods.Periods periods, Instant now) {
        List<Removal> removed = new ArrayList<>();
        if (periods.storefront() != null) {
            return removed;
        }
        LocalDate today = LocalDate.ofInstant(now, shop.zone());
        removed.add(new Removal(
                "order-record",
                orders.pseudonymiseExpired(today, null),
                today.atStartOfDay(shop.zone()).toInstant()));
        if (periods.auditDays() != null) {
            Instant cutoff = now.minus(Duration.ofDays(periods.auditDays()));
            int deleted = jdbc.sql("delete from audit_log where at < :cutoff")
                    .param("cutoff", Timestamp.from(cutoff))
                    .update();
            removed.add(new Removal("audit-entry", deleted, cutoff));
        }
        return removed;
    }
}
