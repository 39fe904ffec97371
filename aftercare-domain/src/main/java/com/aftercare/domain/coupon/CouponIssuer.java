package com.aftercare.domain.coupon;

import com.aftercare.domain.coupon.CouponEvents.CouponIssued;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shared.Text;
import com.aftercare.domain.storefront.StorefrontId;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues codes, once per (campaign, customer, source): a second call for the same source gets
 * the code of the first. Codes are random; a clash with a code that exists draws another.
 */
@Component
class CouponIssuer {

    private static final int CODE_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CouponProperties properties;
    private final CouponCampaigns campaigns;
    private final IssuedCoupons issued;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    CouponIssuer(
            JdbcClient jdbc,
            Clock clock,
            CouponProperties properties,
            CouponCampaigns campaigns,
            IssuedCoupons issued,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.campaigns = campaigns;
        this.issued = issued;
    }

    IssuedCoupon issue(CampaignId campaign, CustomerId customer, String source) {
        requireSource(source);
        Optional<IssuedCoupon> earlier = issued.find(campaign, customer, source);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CampaignTerms terms = campaigns.terms(campaign);
        Instant now = clock.instant();
        if (terms.endedAt(now)) {
            throw new InvalidValue("campaign", "has expired");
        }
        return insert(campaign, customer, source, terms, terms.codeExpiry(now), now);
    }

    IssuedCoupon issueStoreCredit(CustomerId customer, StorefrontId storefront, long amountYen, String source) {
        requireSource(source);
        Instant now = clock.instant();
        CampaignTerms terms =
                CampaignTerms.storeCredit(amountYen, storefront, now.plus(properties.storeCreditValidity()));
        if (storefront != null) {
            campaigns.requireStorefront(storefront);
        }
        CampaignId campaign = campaigns.standingStoreCredit(storefront);
        Optional<IssuedCoupon> earlier = issued.find(campaign, customer, source);
        if (earlier.isPresent()) {
            if (!earlier.get().discount().equals(terms.discount())) {
                throw new InvalidValue(
                        "source",
                        "already issued store credit of "
                                + earlier.get().discount().formatted());
            }
            return earlier.get();
        }
        return insert(campaign, customer, source, terms, terms.expiresAt(), now);
    }

    private IssuedCoupon insert(
            CampaignId campaign,
            CustomerId customer,
            String source,
            CampaignTerms terms,
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
                    .param("kind", terms.discount().kind().name())
                    .param("value", terms.discount().value())
                    .param("minimum", terms.minimumSpendYen())
                    .param("expiresAt", Timestamp.from(expiresAt))
                    .param("singleUse", terms.singleUse())
                    .param("storefront", CouponRows.storefrontId(terms.storefront()))
                    .param("now", Timestamp.from(now))
                    .update();
            // Nothing inserted: either a concurrent call issued this (campaign, customer, source)
            // first, which is then the answer, or the random code was taken, and another is drawn.
            Optional<IssuedCoupon> coupon = issued.find(campaign, customer, source);
            if (coupon.isPresent()) {
                if (inserted == 1) {
                    announce(coupon.get());
                }
                return coupon.get();
            }
            if (inserted == 1) {
                throw new IllegalStateException("An issued coupon vanished within its transaction");
            }
        }
        throw new IllegalStateException("No free coupon code after " + CODE_ATTEMPTS + " attempts");
    }

    /** Published in the issuing transaction: the storefronts' webhooks hear of the new code. */
    private void announce(IssuedCoupon coupon) {
        String email = jdbc.sql("select email from customer where id = :id")
                .param("id", coupon.customer().value())
                .query(String.class)
                .optional()
                .orElse(null);
        events.publishEvent(new CouponIssued(
                coupon.code(),
                coupon.campaign(),
                coupon.purpose(),
                coupon.customer(),
                email,
                coupon.storefront(),
                coupon.discount().kind().name(),
                coupon.discount().value(),
                coupon.minimumSpendYen(),
                coupon.expiresAt(),
                coupon.singleUse(),
                coupon.source(),
                coupon.issuedAt()));
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

    private static void requireSource(String source) {
        if (source == null || source.isBlank() || source.length() > 200 || Text.hasControlCharacters(source, false)) {
            throw new InvalidValue("source", "must be 1-200 characters on one line");
        }
    }
}
