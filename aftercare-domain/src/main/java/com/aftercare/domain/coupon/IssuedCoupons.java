package com.aftercare.domain.coupon;

import com.aftercare.domain.customer.CustomerId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The codes issued and their uses, read back: by code, by customer, by why they were issued. */
@Component
class IssuedCoupons {

    private static final String FROM = " from coupon c join coupon_campaign k on k.id = c.campaign_id";

    private final JdbcClient jdbc;

    IssuedCoupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IssuedCoupon> find(CouponCode code) {
        return jdbc.sql("select " + CouponRows.ISSUED_COLUMNS + FROM + " where c.code = :code")
                .param("code", code.value())
                .query(CouponRows::issued)
                .optional();
    }

    /** The one code issued from that campaign to that customer for that source, if any. */
    Optional<IssuedCoupon> find(CampaignId campaign, CustomerId customer, String source) {
        return jdbc.sql("select " + CouponRows.ISSUED_COLUMNS + FROM
                        + " where c.campaign_id = :campaign and c.customer_id = :customer and c.source = :source")
                .param("campaign", campaign.value())
                .param("customer", customer.value())
                .param("source", source)
                .query(CouponRows::issued)
                .optional();
    }

    List<IssuedCoupon> issuedTo(CustomerId customer, int limit) {
        return jdbc.sql("select " + CouponRows.ISSUED_COLUMNS + FROM
                        + " where c.customer_id = :customer order by c.issued_at desc, c.id desc limit :limit")
                .param("customer", customer.value())
                .param("limit", limit)
                .query(CouponRows::issued)
                .list();
    }

    List<Coupons.Use> usesBy(CustomerId customer, int limit) {
        return jdbc.sql("""
                        select c.code, r.order_number, r.discount_yen, r.redeemed_at
                          from coupon_redemption r join coupon c on c.id = r.coupon_id
                         where c.customer_id = :customer
                         order by r.redeemed_at desc, r.id desc limit :limit
                        """)
                .param("customer", customer.value())
                .param("limit", limit)
                .query((rs, n) -> new Coupons.Use(
                        new CouponCode(rs.getString("code")),
                        rs.getString("order_number"),
                        rs.getLong("discount_yen"),
                        rs.getTimestamp("redeemed_at").toInstant()))
                .list();
    }
}
