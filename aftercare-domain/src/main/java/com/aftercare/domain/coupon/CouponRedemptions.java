package com.aftercare.domain.coupon;

import com.aftercare.domain.coupon.CouponEvents.CouponRedeemed;
import com.aftercare.domain.coupon.CouponRedemption.Outcome;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records the uses storefronts report, once per (code, storefront, order), and publishes
 * {@link CouponRedeemed} for each new one.
 */
@Component
class CouponRedemptions {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    CouponRedemptions(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Outcome redeem(CouponRedemption redemption) {
        RedeemableCoupon coupon = lock(redemption.code());
        if (recordedBefore(coupon, redemption)) {
            return Outcome.ALREADY_RECORDED;
        }
        coupon.check(redemption);
        jdbc.sql("""
                        insert into coupon_redemption (coupon_id, storefront_id, order_number, discount_yen,
                                                       order_total_yen, event_id, redeemed_at)
                        values (:coupon, :storefront, :order, :discount, :total, :eventId, :at)
                        """)
                .param("coupon", coupon.id())
                .param("storefront", redemption.storefront().value())
                .param("order", redemption.order().value())
                .param("discount", redemption.discountYen())
                .param("total", redemption.orderTotalYen())
                .param("eventId", redemption.eventId())
                .param("at", Timestamp.from(redemption.redeemedAt()))
                .update();
        jdbc.sql("update coupon set redemptions = redemptions + 1 where id = :id")
                .param("id", coupon.id())
                .update();
        events.publishEvent(new CouponRedeemed(
                redemption.code(),
                coupon.campaign(),
                coupon.customer(),
                redemption.storefront(),
                redemption.order().value(),
                redemption.discountYen(),
                redemption.redeemedAt()));
        return Outcome.RECORDED;
    }

    /** Locked, so two orders racing for a single-use code are decided one after the other. */
    private RedeemableCoupon lock(CouponCode code) {
        return read(code, " for update").orElseThrow(CouponRefused::unknown);
    }

    /** What a checkout may do with the code now; read without a lock, since nothing is written. */
    CouponVerdict verdict(StorefrontId storefront, CouponCode code, Long spendYen, Instant now) {
        return read(code, "")
                .map(coupon -> coupon.verdict(storefront, now, spendYen))
                .orElseGet(CouponVerdict::unknown);
    }

    private Optional<RedeemableCoupon> read(CouponCode code, String lock) {
        return jdbc.sql("""
                        select id, campaign_id, customer_id, discount_kind, discount_value, minimum_spend_yen,
                               expires_at, single_use, storefront_id, redemptions
                          from coupon where code = :code""" + lock)
                .param("code", code.value())
                .query((rs, i) -> new RedeemableCoupon(
                        rs.getLong("id"),
                        new CampaignId(rs.getLong("campaign_id")),
                        new CustomerId(rs.getLong("customer_id")),
                        CouponRows.discount(rs),
                        rs.getLong("minimum_spend_yen"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getBoolean("single_use"),
                        CouponRows.storefront(rs, "storefront_id"),
                        rs.getInt("redemptions")))
                .optional();
    }

    private boolean recordedBefore(RedeemableCoupon coupon, CouponRedemption redemption) {
        return jdbc.sql("""
                        select exists (select 1 from coupon_redemption
                                        where coupon_id = :coupon and storefront_id = :storefront and order_number = :order)
                        """)
                .param("coupon", coupon.id())
                .param("storefront", redemption.storefront().value())
                .param("order", redemption.order().value())
                .query(Boolean.class)
                .single();
    }
}
