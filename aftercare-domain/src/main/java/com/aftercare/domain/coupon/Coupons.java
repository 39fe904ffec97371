package com.aftercare.domain.coupon;

import com.aftercare.domain.coupon.CouponEvents.CouponRedeemed;
import com.aftercare.domain.coupon.CouponRedemption.Outcome;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.storefront.StorefrontId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupon campaigns, the codes issued from them and their use.
 *
 * <p>Issuing is idempotent per (campaign, customer, source): the source names why the code was
 * issued ({@code step-mail:42}, {@code claim:R-0007}), so a retried listener or request gets the
 * code it got the first time instead of a second one. Reporting a use is idempotent per
 * (code, storefront, order number).
 */
@Service
public class Coupons {

    private static final int CODE_ATTEMPTS = 5;
    private static final String COUPON_COLUMNS = """
            c.code, c.campaign_id, k.purpose, c.customer_id, c.source, c.discount_kind, c.discount_value,
            c.minimum_spend_yen, c.expires_at, c.single_use, c.storefront_id, c.issued_at
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CouponProperties properties;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    Coupons(JdbcClient jdbc, Clock clock, CouponProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    /** Creates a campaign; its expiry, when given, must lie in the future. */
    @Transactional
    public CampaignId createCampaign(NewCampaign campaign) {
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
                .param(
                        "storefront",
                        campaign.storefront() == null
                                ? null
                                : campaign.storefront().value())
                .query(Long.class)
                .single();
        return new CampaignId(id);
    }

    /**
     * Issues the customer a code of the campaign, or returns the one issued before for the same
     * source.
     *
     * @param source why the code is issued (1-200 characters), e.g. {@code claim:R-0007}
     */
    @Transactional
    public IssuedCoupon issue(CampaignId campaign, CustomerId customer, String source) {
        requireSource(source);
        Optional<IssuedCoupon> earlier = findIssued(campaign, customer, source);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Terms terms = termsOf(campaign);
        Instant now = clock.instant();
        if (terms.expiresAt() != null && !now.isBefore(terms.expiresAt())) {
            throw new InvalidValue("campaign", "has expired");
        }
        Instant expiresAt = terms.validDays() == null
                ? terms.expiresAt()
                : earliest(terms.expiresAt(), now.plus(Duration.ofDays(terms.validDays())));
        return insert(campaign, customer, source, terms.discount(), terms, expiresAt, now);
    }

    /**
     * Issues store credit of {@code amountYen}: a single-use code for that many yen off, valid
     * for {@code aftercare.coupons.store-credit-validity}. Retried with the same source it
     * returns the same code; the same source with another amount is refused.
     *
     * @param storefront the one storefront the credit is good at, or null for all
     */
    @Transactional
    public IssuedCoupon issueStoreCredit(CustomerId customer, StorefrontId storefront, long amountYen, String source) {
        requireSource(source);
        Discount credit = new Discount(Discount.Kind.FIXED_YEN, amountYen);
        if (storefront != null) {
            requireStorefront(storefront);
        }
        CampaignId campaign = standingStoreCreditCampaign(storefront);
        Optional<IssuedCoupon> earlier = findIssued(campaign, customer, source);
        if (earlier.isPresent()) {
            if (!earlier.get().discount().equals(credit)) {
                throw new InvalidValue(
                        "source",
                        "already issued store credit of "
                                + earlier.get().discount().formatted());
            }
            return earlier.get();
        }
        Instant now = clock.instant();
        Terms terms = new Terms(credit, 0, null, null, true, storefront);
        return insert(campaign, customer, source, credit, terms, now.plus(properties.storeCreditValidity()), now);
    }

    /** One use of a customer's code, as a storefront reported it. */
    public record Use(CouponCode code, String orderNumber, long discountYen, Instant redeemedAt) {}

    /** The codes issued to a customer, newest first, for their timeline. */
    @Transactional(readOnly = true)
    public List<IssuedCoupon> issuedTo(CustomerId customer, int limit) {
        return jdbc.sql("select " + COUPON_COLUMNS
                        + " from coupon c join coupon_campaign k on k.id = c.campaign_id"
                        + " where c.customer_id = :customer order by c.issued_at desc, c.id desc limit :limit")
                .param("customer", customer.value())
                .param("limit", limit)
                .query(Coupons::issued)
                .list();
    }

    /** The uses of a customer's codes, newest first, for their timeline. */
    @Transactional(readOnly = true)
    public List<Use> usesBy(CustomerId customer, int limit) {
        return jdbc.sql("""
                        select c.code, r.order_number, r.discount_yen, r.redeemed_at
                          from coupon_redemption r join coupon c on c.id = r.coupon_id
                         where c.customer_id = :customer
                         order by r.redeemed_at desc, r.id desc limit :limit
                        """)
                .param("customer", customer.value())
                .param("limit", limit)
                .query((rs, n) -> new Use(
                        new CouponCode(rs.getString("code")),
                        rs.getString("order_number"),
                        rs.getLong("discount_yen"),
                        rs.getTimestamp("redeemed_at").toInstant()))
                .list();
    }

    /** The code as issued, if this shop issued it. */
    @Transactional(readOnly = true)
    public Optional<IssuedCoupon> find(CouponCode code) {
        return jdbc.sql("select " + COUPON_COLUMNS
                        + " from coupon c join coupon_campaign k on k.id = c.campaign_id where c.code = :code")
                .param("code", code.value())
                .query(Coupons::issued)
                .optional();
    }

    /**
     * Records that a storefront's order used a code. The same (code, storefront, order) reported
     * again is recognised and changes nothing, even once the code has expired since.
     *
     * @throws CouponRefused when the code is unknown, not valid at that storefront, had expired,
     *     was single-use and used elsewhere, or the order does not reach its terms
     */
    @Transactional
    public Outcome redeem(CouponRedemption redemption) {
        // Locked, so two orders racing for a single-use code are decided one after the other.
        Redeemable coupon = jdbc.sql("""
                        select id, campaign_id, customer_id, discount_kind, discount_value, minimum_spend_yen,
                               expires_at, single_use, storefront_id, redemptions
                          from coupon where code = :code for update
                        """)
                .param("code", redemption.code().value())
                .query((rs, i) -> new Redeemable(
                        rs.getLong("id"),
                        new CampaignId(rs.getLong("campaign_id")),
                        new CustomerId(rs.getLong("customer_id")),
                        discountOf(rs),
                        rs.getLong("minimum_spend_yen"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getBoolean("single_use"),
                        storefrontOf(rs, "storefront_id"),
                        rs.getInt("redemptions")))
                .optional()
                .orElseThrow(CouponRefused::unknown);
        boolean recordedBefore = jdbc.sql("""
                        select exists (select 1 from coupon_redemption
                                        where coupon_id = :coupon and storefront_id = :storefront and order_number = :order)
                        """)
                .param("coupon", coupon.id())
                .param("storefront", redemption.storefront().value())
                .param("order", redemption.order().value())
                .query(Boolean.class)
                .single();
        if (recordedBefore) {
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

    /** A code as {@link #redeem} needs it, with the rules a use must keep. */
    private record Redeemable(
            long id,
            CampaignId campaign,
            CustomerId customer,
            Discount discount,
            long minimumSpendYen,
            Instant expiresAt,
            boolean singleUse,
            StorefrontId storefront,
            int redemptions) {

        void check(CouponRedemption use) {
            if (storefront != null && !storefront.equals(use.storefront())) {
                throw CouponRefused.otherStorefront();
            }
            if (!use.redeemedAt().isBefore(expiresAt)) {
                throw CouponRefused.expired();
            }
            if (singleUse && redemptions > 0) {
                throw CouponRefused.alreadyUsed();
            }
            if (discount.kind() == Discount.Kind.FIXED_YEN && use.discountYen() > discount.value()) {
                throw CouponRefused.moreThanAllowed(discount.value());
            }
            if (use.orderTotalYen() != null) {
                // The total is after the discount; the terms speak of what was spent before it.
                long spend = Math.addExact(use.orderTotalYen(), use.discountYen());
                if (spend < minimumSpendYen) {
                    throw CouponRefused.belowMinimumSpend(minimumSpendYen);
                }
                if (use.discountYen() > discount.maximumOff(spend)) {
                    throw CouponRefused.moreThanAllowed(discount.maximumOff(spend));
                }
            }
        }
    }

    /** A campaign's terms, copied onto each code at issue. */
    private record Terms(
            Discount discount,
            long minimumSpendYen,
            Instant expiresAt,
            Integer validDays,
            boolean singleUse,
            StorefrontId storefront) {}

    private Terms termsOf(CampaignId campaign) {
        return jdbc.sql("""
                        select discount_kind, discount_value, minimum_spend_yen, expires_at, valid_days, single_use,
                               storefront_id
                          from coupon_campaign where id = :id and not standing
                        """)
                .param("id", campaign.value())
                .query((rs, i) -> new Terms(
                        discountOf(rs),
                        rs.getLong("minimum_spend_yen"),
                        instantOf(rs, "expires_at"),
                        (Integer) rs.getObject("valid_days"),
                        rs.getBoolean("single_use"),
                        storefrontOf(rs, "storefront_id")))
                .optional()
                .orElseThrow(() -> NotFound.campaign(campaign.value()));
    }

    private IssuedCoupon insert(
            CampaignId campaign,
            CustomerId customer,
            String source,
            Discount discount,
            Terms terms,
            Instant expiresAt,
            Instant now) {
        requireCustomer(customer);
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            int inserted = jdbc.sql("""
                            insert into coupon (campaign_id, customer_id, source, code, discount_kind, discount_value,
                                                minimum_spend_yen, expires_at, single_use, storefront_id, issued_at)
                            values (:campaign, :customer, :source, :code, :kind, :value, :minimum, :expiresAt,
                                    :singleUse, :storefront, :now)
                            on conflict do nothing
                            """)
                    .param("campaign", campaign.value())
                    .param("customer", customer.value())
                    .param("source", source)
                    .param("code", CouponCode.random(random).value())
                    .param("kind", discount.kind().name())
                    .param("value", discount.value())
                    .param("minimum", terms.minimumSpendYen())
                    .param("expiresAt", Timestamp.from(expiresAt))
                    .param("singleUse", terms.singleUse())
                    .param(
                            "storefront",
                            terms.storefront() == null
                                    ? null
                                    : terms.storefront().value())
                    .param("now", Timestamp.from(now))
                    .update();
            // Nothing inserted: either a concurrent call issued this (campaign, customer, source)
            // first, which is then the answer, or the random code was taken, and another is drawn.
            Optional<IssuedCoupon> issued = findIssued(campaign, customer, source);
            if (issued.isPresent()) {
                return issued.get();
            }
            if (inserted == 1) {
                throw new IllegalStateException("An issued coupon vanished within its transaction");
            }
        }
        throw new IllegalStateException("No free coupon code after " + CODE_ATTEMPTS + " attempts");
    }

    private Optional<IssuedCoupon> findIssued(CampaignId campaign, CustomerId customer, String source) {
        return jdbc.sql("select " + COUPON_COLUMNS + """
                         from coupon c join coupon_campaign k on k.id = c.campaign_id
                        where c.campaign_id = :campaign and c.customer_id = :customer and c.source = :source
                        """)
                .param("campaign", campaign.value())
                .param("customer", customer.value())
                .param("source", source)
                .query(Coupons::issued)
                .optional();
    }

    private CampaignId standingStoreCreditCampaign(StorefrontId storefront) {
        Long storefrontId = storefront == null ? null : storefront.value();
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

    private void requireCustomer(CustomerId customer) {
        boolean exists = jdbc.sql("select exists (select 1 from customer where id = :id)")
                .param("id", customer.value())
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw NotFound.customer(customer.value());
        }
    }

    private void requireStorefront(StorefrontId storefront) {
        boolean exists = jdbc.sql("select exists (select 1 from storefront where id = :id)")
                .param("id", storefront.value())
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new InvalidValue("storefront", "is not a storefront of this shop");
        }
    }

    private static void requireSource(String source) {
        if (source == null || source.isBlank() || source.length() > 200 || Text.hasControlCharacters(source, false)) {
            throw new InvalidValue("source", "must be 1-200 characters on one line");
        }
    }

    private static IssuedCoupon issued(ResultSet rs, int row) throws SQLException {
        return new IssuedCoupon(
                new CouponCode(rs.getString("code")),
                new CampaignId(rs.getLong("campaign_id")),
                CouponPurpose.valueOf(rs.getString("purpose")),
                new CustomerId(rs.getLong("customer_id")),
                rs.getString("source"),
                discountOf(rs),
                rs.getLong("minimum_spend_yen"),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getBoolean("single_use"),
                storefrontOf(rs, "storefront_id"),
                rs.getTimestamp("issued_at").toInstant());
    }

    private static Discount discountOf(ResultSet rs) throws SQLException {
        return new Discount(Discount.Kind.valueOf(rs.getString("discount_kind")), rs.getLong("discount_value"));
    }

    private static StorefrontId storefrontOf(ResultSet rs, String column) throws SQLException {
        long id = rs.getLong(column);
        return rs.wasNull() ? null : new StorefrontId(id);
    }

    private static Instant instantOf(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /** Whether the campaign issues codes at that time: a campaign of its own (not standing), not expired by then. */
    @Transactional(readOnly = true)
    public boolean issuesCodesAt(CampaignId campaign, Instant at) {
        return jdbc.sql("""
                        select exists (select 1 from coupon_campaign where id = :id and not standing
                                          and (expires_at is null or expires_at > :at))
                        """)
                .param("id", campaign.value())
                .param("at", java.sql.Timestamp.from(at))
                .query(Boolean.class)
                .single();
    }
}
