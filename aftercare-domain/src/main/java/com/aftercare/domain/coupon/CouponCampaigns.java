package com.aftercare.domain.coupon;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campaigns codes are issued from: the ones supervisors create, and one standing store-credit
 * campaign per storefront (and one for all), made the first time credit is issued there.
 */
@Component
class CouponCampaigns {

    private final JdbcClient jdbc;
    private final Clock clock;

    CouponCampaigns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Its expiry, when given, must lie in the future. */
    CampaignId create(NewCampaign campaign) {
        if (campaign.expiresAt() != null && !campaign.expiresAt().isAfter(clock.instant())) {
            throw new InvalidValue("expiresAt", "must be in the future");
        }
        if (campaign.storefront() != null) {
            requireStorefront(campaign.storefront());
        }
        Long id = jdbc.sql("""
                        insert into coupon_campaign (name, purpose, discount_kind, discount_value, minimum_spend_yen,
                                                     expires_at, valid_days, single_use, storefront_id)
                        values (:name, :purpose, :kind, :value, :minimum, :expiresAt, :validDays, :singleUse, :storefront)
                        returning id
                        """)
                .param("name", campaign.name())
                .param("purpose", campaign.purpose().name())
                .param("kind", campaign.discount().kind().name())
                .param("value", campaign.discount().value())
                .param("minimum", campaign.minimumSpendYen())
                .param("expiresAt", campaign.expiresAt() == null ? null : Timestamp.from(campaign.expiresAt()))
                .param("validDays", campaign.validDays())
                .param("singleUse", campaign.singleUse())
                .param("storefront", CouponRows.storefrontId(campaign.storefront()))
                .query(Long.class)
                .single();
        return new CampaignId(id);
    }

    /** The terms of a campaign codes may be issued from (not a standing one). */
    boolean exists(CampaignId campaign) {
        return jdbc.sql("select exists (select 1 from coupon_campaign where id = :id)")
                .param("id", campaign.value())
                .query(Boolean.class)
                .single();
    }

    CampaignTerms terms(CampaignId campaign) {
        return jdbc.sql("""
                        select discount_kind, discount_value, minimum_spend_yen, expires_at, valid_days, single_use,
                               storefront_id
                          from coupon_campaign where id = :id and not standing
                        """)
                .param("id", campaign.value())
                .query((rs, i) -> new CampaignTerms(
                        CouponRows.discount(rs),
                        rs.getLong("minimum_spend_yen"),
                        CouponRows.instant(rs, "expires_at"),
                        (Integer) rs.getObject("valid_days"),
                        rs.getBoolean("single_use"),
                        CouponRows.storefront(rs, "storefront_id")))
                .optional()
                .orElseThrow(() -> NotFound.campaign(campaign.value()));
    }

    /** The standing store-credit campaign of that storefront (null: of all), made on first use. */
    CampaignId standingStoreCredit(StorefrontId storefront) {
        Long storefrontId = CouponRows.storefrontId(storefront);
        jdbc.sql("""
                        insert into coupon_campaign (name, purpose, discount_kind, storefront_id, standing)
                        values ('Store credit', 'STORE_CREDIT', 'FIXED_YEN', :storefront, true)
                        on conflict do nothing
                        """).param("storefront", storefrontId).update();
        return new CampaignId(jdbc.sql("""
                        select id from coupon_campaign
                         where standing and purpose = 'STORE_CREDIT' and coalesce(storefront_id, 0) = coalesce(:storefront, 0)
                        """)
                .param("storefront", storefrontId)
                .query(Long.class)
                .single());
    }

    void requireStorefront(StorefrontId storefront) {
        boolean exists = jdbc.sql("select exists (select 1 from storefront where id = :id)")
                .param("id", storefront.value())
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new InvalidValue("storefront", "is not a storefront of this shop");
        }
    }

    boolean issuesCodesAt(CampaignId campaign, Instant at) {
        return jdbc.sql("""
                        select exists (select 1 from coupon_campaign where id = :id and not standing
                                          and (expires_at is null or expires_at > :at))
                        """)
                .param("id", campaign.value())
                .param("at", Timestamp.from(at))
                .query(Boolean.class)
                .single();
    }
}
