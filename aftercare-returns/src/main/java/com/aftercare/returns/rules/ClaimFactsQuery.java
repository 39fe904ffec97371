package com.aftercare.returns.rules;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.FraudSignal;
import com.aftercare.returns.ReturnsProperties;
import com.aftercare.returns.policy.DeliveryDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts the rules look at, for one new claim or, set-based, for every claim of a storefront
 * since a moment (the dry run): each claim as it stood when it was opened (its history counted up
 * to it, its signals as found then), with the first decision someone or a rule took on it.
 */
@Component
class ClaimFactsQuery {

    private static final String SELECT = """
            select c.id, c.rma, c.type, c.reason, c.requested_at, o.payment_method, o.delivered_at, o.shipped_at,
                   (select count(*) from claim p
                     where p.customer_id = c.customer_id and p.id < c.id
                       and p.requested_at >= c.requested_at - interval '12 months') as claims_12m,
                   exists (select 1 from claim g
                            where g.customer_id = c.customer_id and g.id < c.id and g.type = 'REFUND_GUARANTEE'
                              and g.status not in ('REJECTED', 'QUOTE_DECLINED')) as guarantee_before,
                   array(select s.signal from claim_signal s where s.claim_id = c.id) as signals,
                   (select h.status_to from claim_status_history h
                     where h.claim_id = c.id and h.status_from = 'REQUESTED' and h.status_to <> 'REQUESTED'
                     order by h.at, h.id limit 1) as decided,
                   (select h.actor from claim_status_history h
                     where h.claim_id = c.id and h.status_from = 'REQUESTED' and h.status_to <> 'REQUESTED'
                     order by h.at, h.id limit 1) as decided_by
              from claim c join order_view o on o.id = c.order_id
            """;

    private final JdbcClient jdbc;
    private final ShopProperties shop;
    private final ReturnsProperties properties;

    ClaimFactsQuery(JdbcClient jdbc, ShopProperties shop, ReturnsProperties properties) {
        this.jdbc = jdbc;
        this.shop = shop;
        this.properties = properties;
    }

    /**
     * One claim and what became of it.
     *
     * @param decided the first status someone moved it to from REQUESTED (APPROVED, REJECTED,
     *     QUOTED), or null while it waits
     * @param decidedBy who did: an operator's username or {@code rule:<name>}
     */
    record Claimed(long id, String rma, Instant requestedAt, ClaimFacts facts, ClaimStatus decided, String decidedBy) {}

    Claimed of(long claimId) {
        return list(jdbc.sql(SELECT + " where c.id = :id").param("id", claimId)).get(0);
    }

    /** The storefront's claims requested since {@code since}, the newest first. */
    List<Claimed> since(long storefront, Instant since) {
        return list(jdbc.sql(SELECT + " where c.storefront_id = :s and c.requested_at >= :since"
                        + " order by c.requested_at desc, c.id desc")
                .param("s", storefront)
                .param("since", Timestamp.from(since)));
    }

    private List<Claimed> list(JdbcClient.StatementSpec statement) {
        List<Row> rows = statement.query(this::row).list();
        Map<Long, List<ClaimFacts.Line>> lines =
                lines(rows.stream().map(Row::id).toList());
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Row r : rows) {
            claimed.add(new Claimed(
                    r.id(),
                    r.rma(),
                    r.requestedAt(),
                    new ClaimFacts(
                            r.type(),
                            r.reason(),
                            lines.getOrDefault(r.id(), List.of()),
                            r.daysSinceDelivery(),
                            r.claims12m(),
                            r.guaranteeBefore(),
                            r.paymentMethod(),
                            r.signals()),
                    r.decided(),
                    r.decidedBy()));
        }
        return claimed;
    }

    private Map<Long, List<ClaimFacts.Line>> lines(List<Long> claims) {
        if (claims.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<ClaimFacts.Line>> lines = new HashMap<>();
        jdbc.sql("""
                        select claim_id, sku, category, quantity * unit_price_yen from claim_line
                         where claim_id = any(:ids) order by claim_id, order_line_no
                        """).param("ids", claims.toArray(Long[]::new)).query(rs -> {
            lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new ClaimFacts.Line(rs.getString(2), rs.getString(3), rs.getLong(4)));
        });
        return lines;
    }

    private record Row(
            long id,
            String rma,
            RequestType type,
            ReturnReason reason,
            Instant requestedAt,
            String paymentMethod,
            Long daysSinceDelivery,
            long claims12m,
            boolean guaranteeBefore,
            Set<FraudSignal> signals,
            ClaimStatus decided,
            String decidedBy) {}

    private Row row(ResultSet rs, int n) throws SQLException {
        Instant requestedAt = rs.getTimestamp("requested_at").toInstant();
        LocalDate deliveredOn = DeliveryDate.of(
                        instant(rs, "delivered_at"),
                        instant(rs, "shipped_at"),
                        properties.transitAllowanceDays(),
                        shop.zone())
                .orElse(null);
        Long days = deliveredOn == null
                ? null
                : Math.max(
                        0,
                        ChronoUnit.DAYS.between(
                                deliveredOn, requestedAt.atZone(shop.zone()).toLocalDate()));
        String decided = rs.getString("decided");
        return new Row(
                rs.getLong("id"),
                rs.getString("rma"),
                RequestType.valueOf(rs.getString("type")),
                ReturnReason.valueOf(rs.getString("reason")),
                requestedAt,
                rs.getString("payment_method"),
                days,
                rs.getLong("claims_12m"),
                rs.getBoolean("guarantee_before"),
                Arrays.stream((String[]) rs.getArray("signals").getArray())
                        .map(FraudSignal::valueOf)
                        .collect(Collectors.toSet()),
                decided == null ? null : ClaimStatus.valueOf(decided),
                rs.getString("decided_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
