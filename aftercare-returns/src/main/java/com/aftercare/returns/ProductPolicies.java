package com.aftercare.returns;

import com.aftercare.returns.policy.GuaranteeTerms;
import com.aftercare.returns.policy.Payer;
import com.aftercare.returns.policy.ProductPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a product's after-sales terms come from (table {@code product_policy}): its own row by
 * SKU, else its category's, else the statutory rules (特定商取引法: 8 days, the customer pays
 * return shipping).
 */
@Component
class ProductPolicies {

    private final JdbcClient jdbc;

    ProductPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ProductPolicy of(String sku, String category) {
        return jdbc.sql("""
                        select * from product_policy
                         where sku = :sku or category = :category
                         order by sku nulls last
                         limit 1
                        """)
                .param("sku", sku)
                .param("category", category)
                .query((rs, i) -> policy(rs))
                .optional()
                .orElseGet(ProductPolicy::statutory);
    }

    static ProductPolicy policy(ResultSet rs) throws SQLException {
        GuaranteeTerms guarantee = null;
        if (rs.getObject("guarantee_period_days") != null) {
            guarantee = new GuaranteeTerms(
                    rs.getInt("guarantee_period_days"),
                    rs.getInt("guarantee_minimum_use_days"),
                    rs.getBoolean("guarantee_survey_required"),
                    rs.getBoolean("guarantee_once"),
                    Payer.valueOf(rs.getString("guarantee_return_shipping")));
        }
        return new ProductPolicy(
                (Integer) rs.getObject("return_window_days"),
                Payer.valueOf(rs.getString("customer_return_shipping")),
                rs.getBoolean("exchange_allowed"),
                rs.getBoolean("final_sale"),
                guarantee,
                rs.getInt("warranty_months"),
                (Long) rs.getObject("recycling_fee_yen"));
    }
}
