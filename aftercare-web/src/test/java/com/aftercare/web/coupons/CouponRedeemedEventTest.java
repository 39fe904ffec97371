package com.aftercare.web.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.coupon.IssuedCoupon;
import com.aftercare.domain.coupon.NewCampaign;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code coupon.redeemed} over the storefront API: recorded once, refused with the field named. */
@AftercareIntegrationTest
class CouponRedeemedEventTest {

    private static final String BEFORE_EXPIRY = "2029-06-01T20:00:00+09:00";

    @LocalServerPort
    int port;

    @Autowired
    Coupons coupons;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    Api api;
    CustomerId customer;

    @BeforeEach
    void shop() {
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        customer = CouponFixtures.customer(jdbc);
    }

    @Test
    void shouldRecordTheUseWithItsOrderAndRevenueOnceHoweverOftenItIsReported() {
        IssuedCoupon coupon = issue(null);
        String eventId = Events.unique("evt");
        String event = redeemed(eventId, "R-1", coupon.code().display().toLowerCase(), 500, 4_780, BEFORE_EXPIRY);

        Api.Answer first = api.postEvent(event);
        Api.Answer retry = api.postEvent(event);
        Api.Answer underNewId = api.postEvent(
                redeemed(Events.unique("evt"), "R-1", coupon.code().value(), 500, 4_780, BEFORE_EXPIRY));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("result").asString()).isEqualTo("APPLIED");
        assertThat(first.json().get("orderNumber").asString()).isEqualTo("R-1");
        assertThat(retry.json().get("duplicate").asBoolean()).isTrue();
        assertThat(underNewId.status()).isEqualTo(200);
        assertThat(underNewId.json().get("result").asString()).isEqualTo("IGNORED");
        assertThat(jdbc.sql("""
                        select r.order_number || ' ' || r.discount_yen || ' ' || r.order_total_yen
                          from coupon_redemption r join coupon c on c.id = r.coupon_id where c.code = :code
                        """)
                        .param("code", coupon.code().value())
                        .query(String.class)
                        .list())
                .containsExactly("R-1 500 4780");
    }

    @Test
    void shouldRefuseAnUnknownCodeNamingTheField() {
        Api.Answer answer =
                api.postEvent(redeemed(Events.unique("evt"), "R-1", "ZZZZ-ZZZZ-ZZZZ", 500, 4_780, BEFORE_EXPIRY));

        assertProblem(answer, "coupon.code", "not a code this shop issued");
    }

    @Test
    void shouldRefuseASingleUseCodeOnASecondOrderAndRecordNothing() {
        IssuedCoupon coupon = issue(null);
        api.postEvent(redeemed(Events.unique("evt"), "R-1", coupon.code().value(), 500, 4_780, BEFORE_EXPIRY));
        String secondId = Events.unique("evt");

        Api.Answer answer =
                api.postEvent(redeemed(secondId, "R-2", coupon.code().value(), 500, 4_780, BEFORE_EXPIRY));

        assertProblem(answer, "coupon.code", "single-use");
        assertThat(jdbc.sql("select count(*) from inbound_event where event_id = :id")
                        .param("id", secondId)
                        .query(Long.class)
                        .single())
                .as("a refused event is not half-taken")
                .isZero();
    }

    @Test
    void shouldRefuseAnExpiredCode() {
        IssuedCoupon coupon = issue(null);

        Api.Answer answer = api.postEvent(
                redeemed(Events.unique("evt"), "R-1", coupon.code().value(), 500, 4_780, "2030-01-02T10:00:00+09:00"));

        assertProblem(answer, "coupon.code", "expired");
    }

    @Test
    void shouldRefuseAnotherStorefrontsCode() {
        IssuedCoupon coupon = issue(TestStorefronts.create(storefronts));

        Api.Answer answer = api.postEvent(
                redeemed(Events.unique("evt"), "R-1", coupon.code().value(), 500, 4_780, BEFORE_EXPIRY));

        assertProblem(answer, "coupon.code", "not valid at this storefront");
    }

    @Test
    void shouldRefuseAMalformedCodeAMissingCouponAndANonPositiveDiscount() {
        assertProblem(
                api.postEvent(redeemed(Events.unique("evt"), "R-1", "0000-1111-IIII", 500, 4_780, BEFORE_EXPIRY)),
                "coupon.code",
                "not a coupon code");
        assertProblem(api.postEvent("""
                        {"id": "%s", "type": "coupon.redeemed", "occurredAt": "%s", "order": {"number": "R-1"}}
                        """.formatted(Events.unique("evt"), BEFORE_EXPIRY)), "coupon", "required");
        IssuedCoupon coupon = issue(null);
        Api.Answer zero = api.postEvent(
                redeemed(Events.unique("evt"), "R-1", coupon.code().value(), 0, 4_780, BEFORE_EXPIRY));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("errors").get(0).get("field").asString()).isEqualTo("coupon.discount");
    }

    private IssuedCoupon issue(TestStorefront scope) {
        CampaignId campaign = coupons.createCampaign(new NewCampaign(
                "API クーポン",
                CouponPurpose.PROMOTION,
                Discount.yen(500),
                3_000,
                Instant.parse("2029-12-31T15:00:00Z"),
                null,
                true,
                scope == null ? storefront.id() : scope.id()));
        return coupons.issue(campaign, customer, "test");
    }

    private static void assertProblem(Api.Answer answer, String field, String reason) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(answer.json().get("errors").get(0).get("reason").asString()).contains(reason);
    }

    private static String redeemed(
            String eventId, String order, String code, long discount, long total, String occurredAt) {
        return """
                {"id": "%s", "type": "coupon.redeemed", "occurredAt": "%s", "order": {"number": "%s"},
                 "coupon": {"code": "%s", "discount": %d, "orderTotal": %d}}
                """.formatted(eventId, occurredAt, order, code, discount, total);
    }
}
