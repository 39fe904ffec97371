package com.aftercare.stepmail.templates;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.mail.LineTips;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.ProductScope;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage tips per product (スタッフおすすめの使い方), which follow-up mails show under each line
 * as {@code line.tips}: the SKU's own tips, else those of its category, else none. Written by
 * supervisors in the console; one entry per SKU and one per category.
 */
@Component
@NamedInterface("templates")
public class ProductTips implements LineTips {

    public static final int MAX_TIPS = 2000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ProductTips(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One entry: for a SKU or (exclusive) for a category. */
    public record Tip(long id, ProductScope scope, String tips, Instant updatedAt, String updatedBy) {}

    private static final RowMapper<Tip> TIP = (rs, i) -> new Tip(
            rs.getLong("id"),
            new ProductScope(rs.getString("sku"), rs.getString("category")),
            rs.getString("tips"),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getString("updated_by"));

    /** Category entries first, then SKUs. */
    @Transactional(readOnly = true)
    public List<Tip> all() {
        return jdbc.sql("""
                        select id, sku, category, tips, updated_at, updated_by from product_tip
                         order by category nulls last, sku
                        """).query(TIP).list();
    }

    /** The tips of each line of the order by line number, in one query; lines without tips are absent. */
    @Override
    public Map<Integer, String> forLines(List<OrderView.Line> lines) {
        if (lines.isEmpty()) {
            return Map.of();
        }
        Map<String, String> bySku = new HashMap<>();
        Map<String, String> byCategory = new HashMap<>();
        jdbc.sql("""
                        select sku, category, tips from product_tip
                         where sku = any(:skus) or category = any(:categories)
                        """)
                .param("skus", lines.stream().map(OrderView.Line::sku).toArray(String[]::new))
                .param(
                        "categories",
                        lines.stream()
                                .map(OrderView.Line::category)
                                .filter(c -> c != null)
                                .toArray(String[]::new))
                .query(rs -> {
                    if (rs.getString("sku") != null) {
                        bySku.put(rs.getString("sku"), rs.getString("tips"));
                    } else {
                        byCategory.put(rs.getString("category"), rs.getString("tips"));
                    }
                });
        Map<Integer, String> tips = new HashMap<>();
        for (OrderView.Line line : lines) {
            String tip =
                    bySku.getOrDefault(line.sku(), line.category() == null ? null : byCategory.get(line.category()));
            if (tip != null) {
                tips.put(line.lineNo(), tip);
            }
        }
        return tips;
    }

    /**
     * Writes the tips of a SKU or of a category, replacing what was there; audited as {@code by}.
     *
     * @return what the tips apply to
     * @throws InvalidValue naming {@code sku} or {@code category} ({@link ProductScope#of}) or
     *     {@code tips} (empty, longer than {@value #MAX_TIPS}, or with control characters)
     */
    @Transactional
    public ProductScope save(String sku, String category, String tips, String by) {
        ProductScope scope = ProductScope.of(sku, category);
        String text = tips == null ? "" : tips.strip();
        if (text.isEmpty() || text.length() > MAX_TIPS || Text.hasControlCharacters(text, true)) {
            throw new InvalidValue("tips", "must be 1-" + MAX_TIPS + " characters of text");
        }
        jdbc.sql("""
                        insert into product_tip (sku, category, tips, updated_at, updated_by)
                        values (:sku, :category, :tips, :at, :by)
                        on conflict (%s) do update
                           set tips = excluded.tips, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """.formatted(scope.column()))
                .param("sku", scope.sku())
                .param("category", scope.category())
                .param("tips", text)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
        audit.record(by, "product-tip.saved", "product_tip", scope.key(), Map.of());
        return scope;
    }

    /**
     * Deletes an entry, audited as {@code by}.
     *
     * @return the entry deleted
     * @throws NotFound for an unknown entry
     */
    @Transactional
    public Tip delete(long id, String by) {
        Tip deleted = jdbc.sql(
                        "delete from product_tip where id = :id returning id, sku, category, tips, updated_at, updated_by")
                .param("id", id)
                .query(TIP)
                .optional()
                .orElseThrow(() -> NotFound.productTip(id));
        audit.record(by, "product-tip.deleted", "product_tip", deleted.scope().key(), Map.of());
        return deleted;
    }
}
