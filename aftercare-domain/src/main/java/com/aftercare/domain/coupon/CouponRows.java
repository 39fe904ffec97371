package com.aftercare.domain.coupon;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** How coupon rows read back: the one column list and mappers every coupon query shares. */
final class CouponRows {

    /** A code with its campaign's purpose: {@code coupon c join coupon_campaign k}. */
    static final String ISSUED_COLUMNS = """
            c.code, c.campaign_id, k.purpose, c.customer_id, c.source, c.discount_kind, c.discount_value,
            c.minimum_spend_yen, c.expires_at, c.single_use, c.storefront_id, c.issued_at
            """;

    private CouponRows() {}

    static IssuedCoupon issued(ResultSet rs, int row) throws SQLException {
        return new IssuedCoupon(
                new CouponCode(rs.getString("code")),
                new CampaignId(rs.getLong("campaign_id")),
                CouponPurpose.valueOf(rs.getString("purpose")),
                new CustomerId(rs.getLong("customer_id")),
                rs.getString("source"),
                discount(rs),
                rs.getLong("minimum_spend_yen"),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getBoolean("single_use"),
                storefront(rs, "storefront_id"),
                rs.getTimestamp("issued_at").toInstant());
    }

    static Discount discount(ResultSet rs) throws SQLException {
        return new Discount(Discount.Kind.valueOf(rs.getString("discount_kind")), rs.getLong("discount_value"));
    }

    /** The storefront in that column, or null for "every storefront". */
    static StorefrontId storefront(ResultSet rs, String column) throws SQLException {
        long id = rs.getLong(column);
        return rs.wasNull() ? null : new StorefrontId(id);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    static Long storefrontId(StorefrontId storefront) {
        return storefront == null ? null : storefront.value();
    }
}
