package com.aftercare.returns;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.order.ProductScope;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.returns.policy.GuaranteeTerms;
import com.aftercare.returns.policy.Payer;
import com.aftercare.returns.policy.ProductPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's after-sales terms per product (SKU) or category, as supervisors keep them in the
 * console: the return window, who pays return shipping, exchanges, final sale, a refund
 * guarantee, warranty and recycling pick-up. A change applies to requests from then on; claims
 * already open keep the guarantee terms they were opened under (their snapshot). Every save and
 * delete is audited, with the terms, under the acting supervisor, in the same transaction.
 */
@Service
public class ProductPolicyEditor {

    private static final int MAX_DAYS = 3650;
    private static final int MAX_MONTHS = 120;
    private static final long MAX_FEE_YEN = 1_000_000;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ProductPolicyEditor(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A saved policy: for a SKU or (exclusive) for a category. */
    public record Entry(long id, ProductScope scope, ProductPolicy policy, Instant updatedAt) {}

    /**
     * A policy as a form sends it. Blank numbers are null.
     *
     * @param returnWindowDays null: the product states no return policy (the statutory 8 days)
     * @param guaranteePeriodDays null: no refund guarantee (the other guarantee fields are then ignored)
     * @param recyclingFeeYen null: no recycling pick-up
     */
    public record Draft(
            String sku,
            String category,
            Integer returnWindowDays,
            String customerReturnShipping,
            boolean exchangeAllowed,
            boolean finalSale,
            Integer guaranteePeriodDays,
            Integer guaranteeMinimumUseDays,
            boolean guaranteeSurveyRequired,
            boolean guaranteeOnce,
            String guaranteeReturnShipping,
            Integer warrantyMonths,
            Long recyclingFeeYen) {}

    private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(
            rs.getLong("id"),
            new ProductScope(rs.getString("sku"), rs.getString("category")),
            ProductPolicies.policy(rs),
            rs.getTimestamp("updated_at").toInstant());

    /** Category policies first, then SKUs. */
    @Transactional(readOnly = true)
    public List<Entry> all() {
        return jdbc.sql("select * from product_policy order by category nulls last, sku")
                .query(ENTRY)
                .list();
    }

    /**
     * Writes the policy of a SKU or category, replacing what was there.
     *
     * @param operator the supervisor saving it, for the audit
     * @return what the policy applies to
     * @throws InvalidValue naming the form field that is wrong
     */
    @Transactional
    public ProductScope save(Draft draft, String operator) {
        ProductScope scope = ProductScope.of(draft.sku(), draft.category());
        ProductPolicy policy = policy(draft);
        GuaranteeTerms guarantee = policy.guarantee();
        jdbc.sql("""
                        insert into product_policy (sku, category, return_window_days, customer_return_shipping,
                                                    exchange_allowed, final_sale, guarantee_period_days,
                                                    guarantee_minimum_use_days, guarantee_survey_required, guarantee_once,
                                                    guarantee_return_shipping, warranty_months, recycling_fee_yen,
                                                    updated_at)
                        values (:sku, :category, :window, :shipping, :exchange, :finalSale, :gPeriod, :gMinUse,
                                :gSurvey, :gOnce, :gShipping, :warranty, :fee, :at)
                        on conflict (%s) where %s is not null do update
                           set return_window_days = excluded.return_window_days,
                               customer_return_shipping = excluded.customer_return_shipping,
                               exchange_allowed = excluded.exchange_allowed, final_sale = excluded.final_sale,
                               guarantee_period_days = excluded.guarantee_period_days,
                               guarantee_minimum_use_days = excluded.guarantee_minimum_use_days,
                               guarantee_survey_required = excluded.guarantee_survey_required,
                               guarantee_once = excluded.guarantee_once,
                               guarantee_return_shipping = excluded.guarantee_return_shipping,
                               warranty_months = excluded.warranty_months,
                               recycling_fee_yen = excluded.recycling_fee_yen, updated_at = excluded.updated_at
                        """.formatted(scope.column(), scope.column()))
                .param("sku", scope.sku())
                .param("category", scope.category())
                .param("window", policy.returnWindowDays())
                .param("shipping", policy.customerReturnShipping().name())
                .param("exchange", policy.exchangeAllowed())
                .param("finalSale", policy.finalSale())
                .param("gPeriod", guarantee == null ? null : guarantee.periodDays())
                .param("gMinUse", guarantee == null ? null : guarantee.minimumUseDays())
                .param("gSurvey", guarantee == null ? null : guarantee.surveyRequired())
                .param("gOnce", guarantee == null ? null : guarantee.oncePerCustomerAndProduct())
                .param(
                        "gShipping",
                        guarantee == null ? null : guarantee.returnShipping().name())
                .param("warranty", policy.warrantyMonths())
                .param("fee", policy.recyclingFeeYen())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        audit.record(actor(operator), "product-policy.saved", "product_policy", scope.key(), Map.of("terms", draft));
        return scope;
    }

    /**
     * @param operator the supervisor deleting it, for the audit
     * @return the policy deleted (the product falls back to its category's, or the statutory rules)
     * @throws NotFound for an unknown policy
     */
    @Transactional
    public Entry delete(long id, String operator) {
        Entry deleted = jdbc.sql("delete from product_policy where id = :id returning *")
                .param("id", id)
                .query(ENTRY)
                .optional()
                .orElseThrow(() -> NotFound.productPolicy(id));
        audit.record(
                actor(operator),
                "product-policy.deleted",
                "product_policy",
                deleted.scope().key(),
                Map.of("terms", deleted.policy()));
        return deleted;
    }

    private static String actor(String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("A policy change is made by a supervisor");
        }
        return operator;
    }

    private static ProductPolicy policy(Draft draft) {
        Integer window = range("returnWindowDays", draft.returnWindowDays(), 0, MAX_DAYS);
        Payer shipping = payer("customerReturnShipping", draft.customerReturnShipping());
        GuaranteeTerms guarantee = null;
        if (draft.guaranteePeriodDays() != null) {
            int period = range("guaranteePeriodDays", draft.guaranteePeriodDays(), 1, MAX_DAYS);
            Integer minimumUse = range("guaranteeMinimumUseDays", draft.guaranteeMinimumUseDays(), 0, period);
            guarantee = new GuaranteeTerms(
                    period,
                    minimumUse == null ? 0 : minimumUse,
                    draft.guaranteeSurveyRequired(),
                    draft.guaranteeOnce(),
                    payer("guaranteeReturnShipping", draft.guaranteeReturnShipping()));
        }
        Integer warranty = range("warrantyMonths", draft.warrantyMonths(), 0, MAX_MONTHS);
        Long fee = draft.recyclingFeeYen();
        if (fee != null && (fee < 0 || fee > MAX_FEE_YEN)) {
            throw new InvalidValue("recyclingFeeYen", "must be 0-" + MAX_FEE_YEN + " yen");
        }
        if (draft.finalSale() && draft.exchangeAllowed()) {
            throw new InvalidValue("exchangeAllowed", "a final-sale product takes no exchange for a change of mind");
        }
        return new ProductPolicy(
                window,
                shipping,
                draft.exchangeAllowed(),
                draft.finalSale(),
                guarantee,
                warranty == null ? 0 : warranty,
                fee);
    }

    private static Integer range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidValue(field, "must be " + min + "-" + max);
        }
        return value;
    }

    private static Payer payer(String field, String value) {
        try {
            return Payer.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, "must be SHOP or CUSTOMER");
        }
    }
}
