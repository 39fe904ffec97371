package com.aftercare.stepmail.newsletter;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * Who a newsletter goes to: always only customers who consented to promotional mail
 * (特定電子メール法), and of those, when given, the ones who bought at the storefront, bought in
 * the category, or bought within the last days (an order counts unless it was cancelled; all
 * given conditions hold for one and the same order). A storefront alone also takes the customers
 * it registered without an order yet.
 *
 * @param storefront null for every storefront
 * @param category null for every category
 * @param purchasedWithinDays null for any time
 */
@NamedInterface("newsletters")
public record Segment(StorefrontId storefront, String category, Integer purchasedWithinDays) {

    public Segment {
        if (category != null && category.isBlank()) {
            category = null;
        }
        if (category != null && (category.length() > 100 || Text.hasControlCharacters(category, false))) {
            throw new InvalidValue("category", "must be 1-100 characters on one line");
        }
        category = category == null ? null : category.strip();
        if (purchasedWithinDays != null && (purchasedWithinDays < 1 || purchasedWithinDays > 3650)) {
            throw new InvalidValue("purchasedWithinDays", "must be 1-3650 days");
        }
    }

    private boolean needsOrder() {
        return storefront != null || category != null || purchasedWithinDays != null;
    }

    /** The SQL of the members' customer ids (column {@code id}), and its parameters. */
    record Query(String sql, Map<String, Object> params) {}

    /** The members as of {@code at} (the "within days" counts back from it). */
    Query members(Instant at) {
        StringBuilder sql = new StringBuilder("select c.id from customer_view c where c.promotional_consent");
        Map<String, Object> params = new LinkedHashMap<>();
        if (storefront != null && category == null && purchasedWithinDays == null) {
            // the storefront's customers are the ones it knows: by an order or by its own id for
            // them (a customer.registered event), as the API's visibility rule has it
            sql.append(" and (exists (select 1 from order_view o where o.customer_id = c.id"
                    + " and o.storefront_id = :segmentStorefront and o.status <> 'CANCELLED')"
                    + " or exists (select 1 from customer_storefront_view x where x.customer_id = c.id"
                    + " and x.storefront_id = :segmentStorefront))");
            params.put("segmentStorefront", storefront.value());
        } else if (needsOrder()) {
            sql.append(" and exists (select 1 from order_view o where o.customer_id = c.id"
                    + " and o.status <> 'CANCELLED'");
            if (storefront != null) {
                sql.append(" and o.storefront_id = :segmentStorefront");
                params.put("segmentStorefront", storefront.value());
            }
            if (category != null) {
                sql.append(" and exists (select 1 from order_line_view l where l.order_id = o.id"
                        + " and l.category = :segmentCategory)");
                params.put("segmentCategory", category);
            }
            if (purchasedWithinDays != null) {
                sql.append(" and o.placed_at >= :segmentSince");
                params.put("segmentSince", Timestamp.from(at.minus(Duration.ofDays(purchasedWithinDays))));
            }
            sql.append(")");
        }
        return new Query(sql.toString(), params);
    }
}
