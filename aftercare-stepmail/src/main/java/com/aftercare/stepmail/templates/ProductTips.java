package com.aftercare.stepmail.templates;

import com.aftercare.domain.order.OrderView;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage tips per product (スタッフおすすめの使い方), which follow-up mails show under each line
 * as {@code line.tips}: the SKU's own tips, else those of its category, else none. Written by
 * supervisors in the console; one entry per SKU and one per category.
 */
@Component
public class ProductTips {

    public static final int MAX_TIPS = 2000;
    public static final int MAX_KEY = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    ProductTips(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One entry: for a SKU or (exclusive) for a category. */
    public record Tip(long id, String sku, String category, String tips, Instant updatedAt, String updatedBy) {}

    private static final RowMapper<Tip> TIP = (rs, i) -> new Tip(
            rs.getLong("id"),
            rs.getString("sku"),
            rs.getString("category"),
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
     * Writes the tips of a SKU or of a category, replacing what was there.
     *
     * @throws InvalidValue naming {@code sku} (neither or both of SKU and category, or too long),
     *     {@code category} (too long) or {@code tips} (empty, longer than {@value #MAX_TIPS}, or
     *     with control characters)
     */
    @Transactional
    public void save(String sku, String category, String tips, String by) {
        String skuKey = key("sku", sku);
        String categoryKey = key("category", category);
        if ((skuKey == null) == (categoryKey == null)) {
            throw new InvalidValue("sku", "give a SKU or a category, one of the two");
        }
        String text = tips == null ? "" : tips.strip();
        if (text.isEmpty() || text.length() > MAX_TIPS || Text.hasControlCharacters(text, true)) {
            throw new InvalidValue("tips", "must be 1-" + MAX_TIPS + " characters of text");
        }
        jdbc.sql("""
                        insert into product_tip (sku, category, tips, updated_at, updated_by)
                        values (:sku, :category, :tips, :at, :by)
                        on conflict (%s) do update
                           set tips = excluded.tips, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """.formatted(skuKey != null ? "sku" : "category"))
                .param("sku", skuKey)
                .param("category", categoryKey)
                .param("tips", text)
                .param("at", Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
    }

    /**
     * @return the entry deleted
     * @throws NotFound for an unknown entry
     */
    @Transactional
    public Tip delete(long id) {
        return jdbc.sql(
                        "delete from product_tip where id = :id returning id, sku, category, tips, updated_at, updated_by")
                .param("id", id)
                .query(TIP)
                .optional()
                .orElseThrow(() -> NotFound.productTip(id));
    }

    private static String key(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = value.strip();
        if (key.length() > MAX_KEY || Text.hasControlCharacters(key, false)) {
            throw new InvalidValue(field, "must be 1-" + MAX_KEY + " characters on one line");
        }
        return key;
    }
}
