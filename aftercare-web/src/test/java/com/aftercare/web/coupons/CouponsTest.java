package com.aftercare.web.coupons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponCode;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.CouponRedemption;
import com.aftercare.domain.coupon.CouponRedemption.Outcome;
import com.aftercare.domain.coupon.CouponRefused;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.coupon.IssuedCoupon;
import com.aftercare.domain.coupon.NewCampaign;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The coupon core on real PostgreSQL: issuing once per source, unique codes, and the rules of a use. */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class CouponsTest {

    @Autowired
    Coupons coupons;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    StorefrontId storefront;
    CustomerId customer;

    @BeforeEach
    void shop() {
        clock.setJst("2026-11-20T10:00");
        storefront = TestStorefronts.create(storefronts).id();
        customer = CouponFixtures.customer(jdbc);
    }

    @Test
    void shouldIssueOneCodePerCampaignCustomerAndSourceSoARetryGetsTheSameCode() {
        CampaignId campaign = coupons.createCampaign(campaign(Discount.percent(10), null));

        IssuedCoupon first = coupons.issue(campaign, customer, "step-mail:1");
        IssuedCoupon retried = coupons.issue(campaign, customer, "step-mail:1");
        IssuedCoupon other = coupons.issue(campaign, customer, "step-mail:2");

        assertThat(retried.code()).isEqualTo(first.code());
        assertThat(other.code()).isNotEqualTo(first.code());
        assertThat(jdbc.sql("select count(*) from coupon where campaign_id = :c")
                        .param("c", campaign.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(first.discount()).isEqualTo(Discount.percent(10));
        assertThat(first.expiresAt()).isEqualTo(Instant.parse("2026-12-31T15:00:00Z"));
    }

    @Test
    void shouldGiveEveryRecipientAnUnguessableCodeOfTheirOwn() {
        CampaignId campaign = coupons.createCampaign(campaign(Discount.yen(500), null));
        Set<CouponCode> codes = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            codes.add(coupons.issue(campaign, CouponFixtures.customer(jdbc), "newsletter:7")
                    .code());
        }
        assertThat(codes).hasSize(50);
        assertThat(codes).allSatisfy(code -> assertThat(code.value()).doesNotContain("0", "O", "1", "I"));
    }

    @Test
    void shouldLetACodeExpireAfterItsValidDaysWhenThoseComeBeforeTheCampaignEnds() {
        CampaignId campaign = coupons.createCampaign(new NewCampaign(
                "30日クーポン",
                CouponPurpose.PROMOTION,
                Discount.percent(5),
                0,
                Instant.parse("2027-06-30T15:00:00Z"),
                30,
                true,
                null));

        IssuedCoupon issued = coupons.issue(campaign, customer, "x");

        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-12-20T01:00:00Z"));
    }

    @Test
    void shouldIssueStoreCreditOnceForTheSameSourceAndRefuseAnotherAmountUnderIt() {
        IssuedCoupon credit = coupons.issueStoreCredit(customer, storefront, 1_800, "claim:R-1");
        IssuedCoupon retried = coupons.issueStoreCredit(customer, storefront, 1_800, "claim:R-1");

        assertThat(retried.code()).isEqualTo(credit.code());
        assertThat(credit.purpose()).isEqualTo(CouponPurpose.STORE_CREDIT);
        assertThat(credit.discount()).isEqualTo(Discount.yen(1_800));
        assertThat(credit.storefront()).isEqualTo(storefront);
        assertThat(credit.expiresAt()).isEqualTo(Instant.parse("2027-11-20T01:00:00Z"));
        assertThatThrownBy(() -> coupons.issueStoreCredit(customer, storefront, 2_000, "claim:R-1"))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("¥1,800");
    }

    @Test
    void shouldRefuseToIssueFromAnExpiredOrUnknownCampaignOrToAnUnknownCustomer() {
        CampaignId campaign = coupons.createCampaign(campaign(Discount.yen(300), null));
        assertThatThrownBy(() -> coupons.issue(new CampaignId(-1), customer, "x"))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> coupons.issue(campaign, new CustomerId(-1), "x"))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> coupons.issue(campaign, customer, " ")).isInstanceOf(InvalidValue.class);
        clock.setJst("2027-01-01T00:00");
        assertThatThrownBy(() -> coupons.issue(campaign, customer, "late"))
                .isInstanceOf(InvalidValue.class)
                .hasMessageContaining("expired");
    }

    @Test
    void shouldRefuseACampaignThatEndedAlready() {
        assertThatThrownBy(() -> coupons.createCampaign(new NewCampaign(
                        "過去",
                        CouponPurpose.PROMOTION,
                        Discount.yen(100),
                        0,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        null,
                        true,
                        null)))
                .isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo("expiresAt");
    }

    @Test
    void shouldRecordAUseOnceAndRecogniseTheSameReportAgain() {
        IssuedCoupon coupon = coupons.issue(coupons.createCampaign(campaign(Discount.yen(500), null)), customer, "x");

        assertThat(coupons.redeem(use(coupon, storefront, "A-1", 500))).isEqualTo(Outcome.RECORDED);
        assertThat(coupons.redeem(use(coupon, storefront, "A-1", 500))).isEqualTo(Outcome.ALREADY_RECORDED);

        assertThat(jdbc.sql("select count(*) from coupon_redemption r join coupon c on c.id = r.coupon_id"
                                + " where c.code = :code")
                        .param("code", coupon.code().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseASingleUseCodeOnASecondOrder() {
        IssuedCoupon coupon = coupons.issue(coupons.createCampaign(campaign(Discount.yen(500), null)), customer, "x");
        coupons.redeem(use(coupon, storefront, "A-1", 500));

        assertRefused(() -> coupons.redeem(use(coupon, storefront, "A-2", 500)), "coupon.code", "single-use");
    }

    @Test
    void shouldRefuseAnExpiredCodeAnUnknownCodeAndAnotherStorefrontsCode() {
        IssuedCoupon coupon =
                coupons.issue(coupons.createCampaign(campaign(Discount.yen(500), storefront)), customer, "x");
        StorefrontId other = TestStorefronts.create(storefronts).id();

        assertRefused(() -> coupons.redeem(use(coupon, other, "B-1", 500)), "coupon.code", "storefront");
        assertRefused(
                () -> coupons.redeem(new CouponRedemption(
                        storefront,
                        coupon.code(),
                        new OrderNumber("A-9"),
                        500,
                        null,
                        Instant.parse("2027-01-01T00:00:00Z"),
                        "e")),
                "coupon.code",
                "expired");
        assertRefused(
                () -> coupons.redeem(new CouponRedemption(
                        storefront,
                        CouponCode.parse("ZZZZ-ZZZZ-ZZZZ"),
                        new OrderNumber("A-9"),
                        500,
                        null,
                        Instant.parse("2026-11-21T00:00:00Z"),
                        "e")),
                "coupon.code",
                "not a code");
        assertThat(jdbc.sql("select redemptions from coupon where code = :code")
                        .param("code", coupon.code().value())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldRefuseAnOrderBelowTheMinimumSpendAndMoreYenThanTheCodeIsWorth() {
        CampaignId campaign = coupons.createCampaign(new NewCampaign(
                "3000円以上",
                CouponPurpose.PROMOTION,
                Discount.yen(500),
                3_000,
                Instant.parse("2026-12-31T15:00:00Z"),
                null,
                true,
                null));
        IssuedCoupon coupon = coupons.issue(campaign, customer, "x");

        assertRefused(
                () -> coupons.redeem(new CouponRedemption(
                        storefront,
                        coupon.code(),
                        new OrderNumber("A-1"),
                        500,
                        2_499L,
                        Instant.parse("2026-11-21T00:00:00Z"),
                        "e")),
                "coupon.orderTotal",
                "¥3,000");
        assertRefused(() -> coupons.redeem(use(coupon, storefront, "A-1", 501)), "coupon.discount", "¥500");
    }

    private static void assertRefused(Runnable call, String field, String reason) {
        assertThatThrownBy(call::run)
                .isInstanceOf(CouponRefused.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo(field);
    }

    private static CouponRedemption use(IssuedCoupon coupon, StorefrontId at, String order, long discount) {
        return new CouponRedemption(
                at,
                coupon.code(),
                new OrderNumber(order),
                discount,
                null,
                Instant.parse("2026-11-21T00:00:00Z"),
                Events.unique("evt"));
    }

    private static NewCampaign campaign(Discount discount, StorefrontId scope) {
        return new NewCampaign(
                "冬のクーポン",
                CouponPurpose.PROMOTION,
                discount,
                0,
                Instant.parse("2026-12-31T15:00:00Z"),
                null,
                true,
                scope);
    }
}
