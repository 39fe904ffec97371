package com.aftercare.returns;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.coupon.IssuedCoupon;
import com.aftercare.domain.coupon.NewCampaign;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The coupons a claim hands out, through the coupon core and inside the claim's transaction:
 * store credit for a return settled in credit, and an apology coupon when damage in transit is
 * confirmed. Both are issued under a source naming the claim ({@code claim:<rma>},
 * {@code claim-apology:<rma>}), so a retried step gets the same code, never a second one.
 */
@Component
class ClaimCoupons {

    private final Coupons coupons;
    private final JdbcClient jdbc;
    private final ReturnsProperties properties;

    ClaimCoupons(Coupons coupons, JdbcClient jdbc, ReturnsProperties properties) {
        this.coupons = coupons;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Store credit of the refunded amount, good at the order's storefront; nothing for zero. */
    Optional<IssuedCoupon> storeCredit(Claim claim, long yen) {
        if (yen <= 0) {
            return Optional.empty();
        }
        return Optional.of(coupons.issueStoreCredit(claim.customer(), claim.storefront(), yen, "claim:" + claim.rma()));
    }

    /** The apology coupon, from the storefront's standing apology campaign (created on first need). */
    Optional<IssuedCoupon> apology(Claim claim) {
        if (properties.apologyCouponYen() == 0) {
            return Optional.empty();
        }
        return Optional.of(coupons.issue(apologyCampaign(claim), claim.customer(), "claim-apology:" + claim.rma()));
    }

    private CampaignId apologyCampaign(Claim claim) {
        long storefront = claim.storefront().value();
        TransactionLocks.hold(jdbc, "claim-apology-campaign:" + storefront);
        Optional<Long> existing = jdbc.sql("select campaign_id from claim_apology_campaign where storefront_id = :s")
                .param("s", storefront)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return new CampaignId(existing.get());
        }
        CampaignId created = coupons.createCampaign(new NewCampaign(
                "お詫びクーポン",
                CouponPurpose.APOLOGY,
                Discount.yen(properties.apologyCouponYen()),
                0,
                null,
                properties.apologyCouponValidDays(),
                true,
                claim.storefront()));
        jdbc.sql("insert into claim_apology_campaign (storefront_id, campaign_id) values (:s, :c)")
                .param("s", storefront)
                .param("c", created.value())
                .update();
        return created;
    }
}
