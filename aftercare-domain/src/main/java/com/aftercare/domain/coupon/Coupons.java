package com.aftercare.domain.coupon;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.coupon.CouponRedemption.Outcome;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupon campaigns, the codes issued from them and their use: the face of the coupon package.
 * Each job has its own room behind it (campaigns, issuing, reading back, redemptions); how each
 * campaign did is {@link CouponFigures}.
 *
 * <p>Issuing is idempotent per (campaign, customer, source): the source names why the code was
 * issued ({@code step-mail:42}, {@code claim:R-0007}), so a retried listener or request gets the
 * code it got the first time instead of a second one. Reporting a use is idempotent per
 * (code, storefront, order number).
 */
@Service
public class Coupons {

    private final CouponCampaigns campaigns;
    private final CouponIssuer issuer;
    private final IssuedCoupons issued;
    private final CouponRedemptions redemptions;
    private final AuditLog audit;
    private final Clock clock;

    Coupons(
            CouponCampaigns campaigns,
            CouponIssuer issuer,
            IssuedCoupons issued,
            CouponRedemptions redemptions,
            AuditLog audit,
            Clock clock) {
        this.campaigns = campaigns;
        this.issuer = issuer;
        this.issued = issued;
        this.redemptions = redemptions;
        this.audit = audit;
        this.clock = clock;
    }

    /** One use of a customer's code, as a storefront reported it. */
    public record Use(CouponCode code, String orderNumber, long discountYen, Instant redeemedAt) {}

    /**
     * Creates a campaign, with no one to answer for it (set-ups and tests); its expiry, when
     * given, must lie in the future.
     */
    @Transactional
    public CampaignId createCampaign(NewCampaign campaign) {
        return campaigns.create(campaign);
    }

    /**
     * Creates a campaign for a supervisor and writes {@code coupon.campaign.created} to the audit
     * trail in the same transaction.
     *
     * @param createdBy the operator's username
     */
    @Transactional
    public CampaignId createCampaign(NewCampaign campaign, String createdBy) {
        CampaignId created = campaigns.create(campaign);
        audit.record(
                createdBy,
                "coupon.campaign.created",
                "coupon_campaign",
                String.valueOf(created.value()),
                AuditLog.details(
                        "name",
                        campaign.name(),
                        "discountKind",
                        campaign.discount().kind().name(),
                        "discount",
                        campaign.discount().value()));
        return created;
    }

    /**
     * Issues the customer a code of the campaign, or returns the one issued before for the same
     * source.
     *
     * @param source why the code is issued (1-200 characters), e.g. {@code claim:R-0007}
     */
    @Transactional
    public IssuedCoupon issue(CampaignId campaign, CustomerId customer, String source) {
        return issuer.issue(campaign, customer, source);
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
        return issuer.issueStoreCredit(customer, storefront, amountYen, source);
    }

    /** The codes issued to a customer, newest first, for their timeline. */
    @Transactional(readOnly = true)
    public List<IssuedCoupon> issuedTo(CustomerId customer, int limit) {
        return issued.issuedTo(customer, limit);
    }

    /** The uses of a customer's codes, newest first, for their timeline. */
    @Transactional(readOnly = true)
    public List<Use> usesBy(CustomerId customer, int limit) {
        return issued.usesBy(customer, limit);
    }

    /**
     * Every code the campaign issued, oldest first, streamed for its CSV. Email stays masked
     * unless {@code revealed}: the caller decides who may see it whole. An unknown campaign
     * gives no row ({@link #hasCampaign} tells it apart before a file starts).
     */
    @Transactional(readOnly = true)
    public void eachCodeOf(CampaignId campaign, boolean revealed, Consumer<IssuedCode> code) {
        issued.eachOf(campaign, revealed, code);
    }

    /** Whether the shop has that campaign. */
    @Transactional(readOnly = true)
    public boolean hasCampaign(CampaignId campaign) {
        return campaigns.exists(campaign);
    }

    /** The code as issued, if this shop issued it. */
    @Transactional(readOnly = true)
    public Optional<IssuedCoupon> find(CouponCode code) {
        return issued.find(code);
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
        return redemptions.redeem(redemption);
    }

    /**
     * Whether a checkout at {@code storefront} may take the code now, and what it takes off an
     * order of {@code spendYen} (before the discount; null when the cart does not say). Reads
     * only: the use itself is reported later as {@code coupon.redeemed} and checked again then.
     */
    @Transactional(readOnly = true)
    public CouponVerdict check(StorefrontId storefront, String typed, Long spendYen) {
        CouponCode code;
        try {
            code = CouponCode.parse(typed);
        } catch (InvalidValue notACode) {
            // what a customer mistyped is simply not a code of ours: the cart shows that, not an error
            return CouponVerdict.unknown();
        }
        return redemptions.verdict(storefront, code, spendYen, clock.instant());
    }

    /** Whether the campaign issues codes at that time: a campaign of its own (not standing), not expired by then. */
    @Transactional(readOnly = true)
    public boolean issuesCodesAt(CampaignId campaign, Instant at) {
        return campaigns.issuesCodesAt(campaign, at);
    }
}
