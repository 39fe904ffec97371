package com.aftercare.web.api.reads;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.CouponRedemption;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.coupon.IssuedCoupon;
import com.aftercare.domain.coupon.NewCampaign;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The read API and the coupon check over real HTTP: lists filtered and paged by cursor, scoped
 * to the key's storefront, bad parameters answered with a problem naming them; the coupon check's
 * answers. Today is 25 November 2025 (JST).
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ReadApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Coupons coupons;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    TestStorefront storefront;
    Api api;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
    }

    String openReturn(TestOrder order) {
        Api.Answer created = api.postJson("/api/v1/returns", """
                {"orderNumber": "%s", "type": "RETURN", "reason": "SIZE",
                 "lines": [{"sku": "%s", "quantity": 1}]}""".formatted(order.number(), order.shirt()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("rma").asString();
    }

    @Test
    void shouldPageThroughTheStorefrontsClaimsByCursorAndHideOtherStorefronts() {
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opened.add(openReturn(ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00")));
        }
        TestStorefront other = TestStorefronts.create(storefronts);
        Api otherApi = new Api(port, other.key());
        ClaimFixtures.delivered(otherApi, "CARD", false, "2025-11-21T11:00:00+09:00");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Answer page = api.get("/api/v1/claims?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("rma").asString()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(opened);
        assertThat(pages).isEqualTo(2);
        assertThat(api.get("/api/v1/claims?status=REQUESTED").json().get("items"))
                .hasSize(3);
        assertThat(api.get("/api/v1/claims?status=APPROVED").json().get("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/claims?updatedSince=2099-01-01T00:00:00Z")
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/claims/" + opened.get(0))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("REQUESTED");
        assertThat(otherApi.get("/api/v1/claims").json().get("items")).isEmpty();
        assertThat(otherApi.get("/api/v1/claims/" + opened.get(0)).status()).isEqualTo(404);
    }

    @Test
    void shouldListOnlyTheStorefrontsInquiries() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        Api.Answer opened = api.postJson("/api/v1/inquiries", """
                {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "山田 花子"}, "orderNumber": "%s",
                 "category": "SHIPPING", "subject": "お届け日について", "body": "変更できますか。"}""".formatted(order.email(), order.number()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String reference = opened.json().get("reference").asString();

        JsonNode items = api.get("/api/v1/inquiries?status=NEW").json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("reference").asString()).isEqualTo(reference);
        assertThat(items.get(0).get("orderNumber").asString()).isEqualTo(order.number());
        Api otherApi = new Api(port, TestStorefronts.create(storefronts).key());
        assertThat(otherApi.get("/api/v1/inquiries").json().get("items")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/claims?limit=0|limit",
                "/api/v1/claims?limit=201|limit",
                "/api/v1/claims?limit=abc|limit",
                "/api/v1/claims?cursor=bm9wZQ|cursor",
                "/api/v1/claims?cursor=%25%25|cursor",
                "/api/v1/claims?status=LOST|status",
                "/api/v1/claims?updatedSince=yesterday|updatedSince",
                "/api/v1/claims?updatedSince=%2B300000-01-01T00:00:00Z|updatedSince",
                "/api/v1/claims?updatedSince=-5000-01-01T00:00:00Z|updatedSince",
                "/api/v1/claims?cursor=djE6MTAwMDAwMDAwMDAwMDAwMDA6MDox|cursor",
                "/api/v1/inquiries?cursor=djE6MTAwMDAwMDAwMDAwMDA6MDox|cursor",
                "/api/v1/inquiries?cursor=djE6eDp5Ono|cursor",
                "/api/v1/inquiries?status=open|status",
                "/api/v1/coupons/ABCDEFGHJKLM?orderTotal=-1|orderTotal",
                "/api/v1/coupons/ABCDEFGHJKLM?orderTotal=1.5|orderTotal"
            })
    void shouldAnswerABadParameterWithAProblemNamingIt(String path, String field) {
        Api.Answer answer = api.get(path);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains(field);
    }

    IssuedCoupon coupon(long minimumSpend, String expires, com.aftercare.domain.storefront.StorefrontId scope) {
        CampaignId campaign = coupons.createCampaign(new NewCampaign(
                "冬のクーポン",
                CouponPurpose.PROMOTION,
                Discount.percent(10),
                minimumSpend,
                Instant.parse(expires),
                null,
                true,
                scope));
        CustomerId customer = new CustomerId(jdbc.sql("""
                        insert into customer (email, email_normalized, name) values (:e, :e, '山田 花子') returning id
                        """)
                .param("e", "check-" + System.nanoTime() + "@example.jp")
                .query(Long.class)
                .single());
        return coupons.issue(campaign, customer, "test:" + System.nanoTime());
    }

    JsonNode check(IssuedCoupon coupon, String query) {
        Api.Answer answer = api.get("/api/v1/coupons/" + coupon.code().display() + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void shouldTellACheckoutWhetherItMayTakeACode() {
        IssuedCoupon good = coupon(3000, "2025-12-31T15:00:00Z", storefront.id());
        JsonNode valid = check(good, "?orderTotal=5400");
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("discountYen").asLong()).isEqualTo(540);
        assertThat(valid.get("minimumSpendYen").asLong()).isEqualTo(3000);

        JsonNode below = check(good, "?orderTotal=2999");
        assertThat(below.get("valid").asBoolean()).isFalse();
        assertThat(below.get("reason").asString()).isEqualTo("BELOW_MINIMUM_SPEND");

        IssuedCoupon expired = coupon(0, "2025-11-26T15:00:00Z", storefront.id());
        clock.setJst("2025-11-28T10:00");
        assertThat(check(expired, "").get("reason").asString()).isEqualTo("EXPIRED");
        clock.setJst("2025-11-25T10:00");

        IssuedCoupon used = coupon(0, "2025-12-31T15:00:00Z", null);
        coupons.redeem(new CouponRedemption(
                storefront.id(),
                used.code(),
                new OrderNumber("USED-1"),
                100,
                900L,
                Instant.parse("2025-11-25T01:00:00Z"),
                "ev-used-1"));
        assertThat(check(used, "?orderTotal=1000").get("reason").asString()).isEqualTo("USED_UP");

        IssuedCoupon others = coupon(
                0, "2025-12-31T15:00:00Z", TestStorefronts.create(storefronts).id());
        JsonNode foreign = check(others, "?orderTotal=1000");
        assertThat(foreign.get("reason").asString()).isEqualTo("UNKNOWN");
        assertThat(foreign.get("expiresAt").isNull()).isTrue();

        Api.Answer typo = api.get("/api/v1/coupons/not-a-code");
        assertThat(typo.status()).isEqualTo(200);
        assertThat(typo.json().get("reason").asString()).isEqualTo("UNKNOWN");
    }
}
