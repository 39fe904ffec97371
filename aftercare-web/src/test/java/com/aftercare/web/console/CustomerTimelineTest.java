package com.aftercare.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.coupon.CouponRedemption;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.IssuedCoupon;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One page per customer, personal data masked until revealed, every reveal audited. */
@AftercareIntegrationTest
class CustomerTimelineTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Coupons coupons;

    StorefrontId storefront;

    String email;
    String number;
    String reference;
    long customerId;
    ConsoleClient admin;

    @BeforeEach
    void aCustomerWithAnOrderAnInquiryAndAMail() {
        email = Events.unique("timeline") + "@example.jp";
        number = Events.unique("T");
        TestStorefronts.TestStorefront shop = TestStorefronts.create(storefronts);
        storefront = shop.id();
        Api api = new Api(port, shop.key());
        api.postEvent(Events.placed(Events.unique("evt"), number, email));
        api.postEvent(Events.shipped(Events.unique("evt"), number, "2026-11-24T10:00:00+09:00", "4000-5555-6666"));
        reference = api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "山田 花子"},
                         "orderNumber": "%s", "category": "SHIPPING", "subject": "届く日を知りたい", "body": "いつ届きますか。"}
                        """.formatted(
                                email, number)))
                .json()
                .get("reference")
                .asString();
        customerId = jdbc.sql("select id from customer where email_normalized = :e")
                .param("e", email)
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from outbound_mail where customer_id = :c")
                                .param("c", customerId)
                                .query(Long.class)
                                .single()
                        >= 1);
        admin = ConsoleClient.loggedInAsAdmin(port);
    }

    @Test
    void shouldShowOrdersInquiriesAndMailsWithPersonalDataMasked() {
        HttpResponse<String> page = admin.get("/console/customers/" + customerId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("山田 花子")
                .contains(number)
                .contains("発送済み")
                .doesNotContain("order.shipped")
                .contains(reference)
                .contains("ご注文ありがとうございます")
                .doesNotContain(email)
                .doesNotContain("090-1234-5678")
                .contains("090-****-5678");
    }

    @Test
    void shouldShowTheCustomersCouponsAndTheirUse() {
        IssuedCoupon credit =
                coupons.issueStoreCredit(new CustomerId(customerId), null, 1000, Events.unique("timeline"));
        coupons.redeem(new CouponRedemption(
                storefront,
                credit.code(),
                new OrderNumber(number),
                1000,
                5000L,
                Instant.parse("2026-11-25T01:00:00Z"),
                null));

        String page = admin.get("/console/customers/" + customerId).body();

        assertThat(page).contains(credit.code().display()).contains("ストアクレジット").contains(number + " / -¥1,000");
    }

    @Test
    void shouldRevealEmailAndPhoneOnRequestAndAuditIt() {
        HttpResponse<String> revealed = admin.postForm(
                "/console/customers/" + customerId, "/console/customers/" + customerId + "/reveal", Map.of());

        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).contains(email).contains("090-1234-5678");
        assertThat(jdbc.sql("""
                        select count(*) from audit_log
                         where action = 'customer.revealed' and target_id = :id and actor = 'admin'
                        """)
                        .param("id", Long.toString(customerId))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseARevealWithoutCsrfToken() {
        assertThat(admin.postWithoutToken("/console/customers/" + customerId + "/reveal", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'customer.revealed' and target_id = :id")
                        .param("id", Long.toString(customerId))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldSendTheOldEmailLookupToTheConsoleSearch() {
        HttpResponse<String> lookup = admin.get("/console/customers?email=" + email.toUpperCase());

        assertThat(lookup.statusCode()).isEqualTo(302);
        assertThat(lookup.headers().firstValue("Location").orElseThrow())
                .endsWith("/console/search?q=" + email.toUpperCase());
        assertThat(admin.get("/console/search?q=" + email.toUpperCase()).body())
                .contains("/console/customers/" + customerId);
    }

    @Test
    void shouldAnswer404ForAnUnknownCustomer() {
        assertThat(admin.get("/console/customers/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldKeepNotesAboutTheCustomerOnTheirPageAndBesideTheirInquiries() {
        String page = "/console/customers/" + customerId;

        HttpResponse<String> empty = admin.postForm(page, page + "/notes", Map.of("body", "  "));
        HttpResponse<String> tooLong = admin.postForm(page, page + "/notes", Map.of("body", "あ".repeat(2001)));
        HttpResponse<String> saved = admin.postForm(page, page + "/notes", Map.of("body", "夕方以降の電話を希望。\n贈答用の購入が多い。"));
        HttpResponse<String> forged = admin.postWithoutToken(page + "/notes", Map.of("body", "偽造"));
        HttpResponse<String> unknown = admin.postForm(page, "/console/customers/999999999/notes", Map.of("body", "誰？"));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"note-body-error\"");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).as("what was typed stays in the form").contains("あああ");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(admin.get(page).body()).contains("夕方以降の電話を希望。").contains("id=\"note-list\"");
        assertThat(admin.get("/console/inquiries/" + reference).body())
                .contains("id=\"panel-notes\"")
                .contains("贈答用の購入が多い。");
        assertThat(jdbc.sql("select count(*) from customer_note where customer_id = :c")
                        .param("c", customerId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
