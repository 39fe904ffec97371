package com.aftercare.domain.coupon;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.EmailAddress;
import com.aftercare.domain.shared.Exports;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /**
     * Every code of the campaign, oldest first, with its customer and uses, row by row with a
     * cursor: a newsletter's campaign holds a code per recipient. Runs inside the caller's
     * read-only transaction (the driver streams only then).
     */
    void eachOf(CampaignId campaign, boolean revealed, Consumer<IssuedCode> code) {
        jdbc.sql("""
                        select c.code, c.customer_id, cu.name, cu.email, c.source, c.issued_at, c.expires_at,
                               c.redemptions, u.discount_yen, u.last_used_at, u.last_order_number
                          from coupon c join customer cu on cu.id = c.customer_id
                          left join lateral (
                               select sum(r.discount_yen) as discount_yen, max(r.redeemed_at) as last_used_at,
                                      (array_agg(r.order_number order by r.redeemed_at desc, r.id desc))[1]
                                          as last_order_number
                                 from coupon_redemption r where r.coupon_id = c.id) u on true
                         where c.campaign_id = :campaign
                         order by c.id
                        """)
                .param("campaign", campaign.value())
                .withFetchSize(Exports.FETCH_SIZE)
                .query((RowCallbackHandler) rs -> {
                    String address = rs.getString("email");
                    EmailAddress email = address == null ? null : EmailAddress.of(address);
                    code.accept(new IssuedCode(
                            new CouponCode(rs.getString("code")),
                            new CustomerId(rs.getLong("customer_id")),
                            rs.getString("name"),
                            email == null ? null : revealed ? email.value() : email.masked(),
                            rs.getString("source"),
                            rs.getTimestamp("issued_at").toInstant(),
                            rs.getTimestamp("expires_at").toInstant(),
                            rs.getInt("redemptions"),
                            rs.getLong("discount_yen"),
                            CouponRows.instant(rs, "last_used_at"),
                            rs.getString("last_order_number")));
                });
    }
}
