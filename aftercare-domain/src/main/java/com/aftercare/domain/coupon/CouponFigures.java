package com.aftercare.domain.coupon;

import com.aftercare.domain.storefront.StorefrontId;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each campaign did, in one set-based query. A use's revenue is the order total the
 * storefront reported with it, or else the order's own total once the order is known.
 */
@Service
public class CouponFigures {

    private final JdbcClient jdbc;

    CouponFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every campaign, newest first. */
    @Transactional(readOnly = true)
    public List<CampaignFigures> campaigns() {
        return jdbc.sql("""
                        with issued as (
                            select campaign_id, count(*) as codes, count(*) filter (where redemptions > 0) as used
                              from coupon group by campaign_id),
                        uses as (
                            select c.campaign_id, count(*) as uses, sum(r.discount_yen) as discount,
                                   sum(coalesce(r.order_total_yen, o.total_minor, 0)) as revenue
                              from coupon_redemption r
                              join coupon c on c.id = r.coupon_id
                              left join customer_order o
                                on o.storefront_id = r.storefront_id and o.order_number = r.order_number
                             group by c.campaign_id)
                        select k.id, k.name, k.purpose, k.discount_kind, k.discount_value, k.minimum_spend_yen,
                               k.expires_at, k.valid_days, k.single_use, s.name as storefront_name,
                               coalesce(i.codes, 0) as codes, coalesce(i.used, 0) as used,
                               coalesce(u.uses, 0) as uses, coalesce(u.discount, 0) as discount,
                               coalesce(u.revenue, 0) as revenue
                          from coupon_campaign k
                          left join storefront s on s.id = k.storefront_id
                          left join issued i on i.campaign_id = k.id
                          left join uses u on u.campaign_id = k.id
                         order by k.created_at desc, k.id desc
                        """)
                .query((rs, i) -> {
                    long value = rs.getLong("discount_value");
                    Discount discount = rs.wasNull()
                            ? null
                            : new Discount(Discount.Kind.valueOf(rs.getString("discount_kind")), value);
                    Timestamp expires = rs.getTimestamp("expires_at");
                    return new CampaignFigures(
                            new CampaignId(rs.getLong("id")),
                            rs.getString("name"),
                            CouponPurpose.valueOf(rs.getString("purpose")),
                            discount,
                            rs.getLong("minimum_spend_yen"),
                            expires == null ? null : expires.toInstant(),
                            (Integer) rs.getObject("valid_days"),
                            rs.getBoolean("single_use"),
                            rs.getString("storefront_name"),
                            rs.getLong("codes"),
                            rs.getLong("used"),
                            rs.getLong("uses"),
                            rs.getLong("discount"),
                            rs.getLong("revenue"));
                })
                .list();
    }

    /** The campaigns a code may be issued from (not ended, not standing), for choosing one. */
    @Transactional(readOnly = true)
    public List<CampaignChoice> issuable(java.time.Instant now) {
        return jdbc.sql("""
                        select id, name, storefront_id from coupon_campaign
                         where not standing and (expires_at is null or expires_at > :now)
                         order by name, id
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, i) -> {
                    long storefrontId = rs.getLong("storefront_id");
                    StorefrontId storefront = rs.wasNull() ? null : new StorefrontId(storefrontId);
                    return new CampaignChoice(new CampaignId(rs.getLong("id")), rs.getString("name"), storefront);
                })
                .list();
    }

    /** A campaign to pick from a list. */
    public record CampaignChoice(CampaignId id, String name, StorefrontId storefront) {}
}
