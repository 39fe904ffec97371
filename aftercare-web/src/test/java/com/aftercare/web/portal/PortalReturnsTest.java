package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.logistics.ReturnAddress;
import com.aftercare.returns.logistics.ReturnLogisticsSetup;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ClaimScene;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.PortalLinks;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The way back on the portal and in the console over a real port: the address and slip of the
 * customer's own claim only, every bad pick-up or tracking number answered at its field with 400
 * and nothing written, CSRF, the supervisors' settings with field messages, and the carrier file.
 * Today is 25 November 2025 (JST); the 27th is a non-working day.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class PortalReturnsTest {

    static final String DELIVERED = ClaimScene.DELIVERED;

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    PortalOrderLinks links;

    @Autowired
    ClaimRequests requests;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    ReturnLogisticsSetup setup;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    TestStorefront storefront;
    Api api;
    ConsoleClient customer;
    String operator;
    ClaimScene scene;

    @BeforeEach
    void setUp() {
        scene = ClaimScene.today(port, clock, storefronts, operators, requests);
        storefront = scene.storefront();
        api = scene.api();
        operator = scene.operator();
        customer = new ConsoleClient(port);
        setup.addAddress(
                new ReturnAddress(
                        null,
                        storefront.id(),
                        "東京倉庫",
                        "こもれび 返品係",
                        "135-0061",
                        "東京都江東区豊洲3-2-20 倉庫棟2F",
                        "03-1234-5678",
                        null,
                        null,
                        null),
                operator);
        setup.addNonWorkingDay(storefront.id(), LocalDate.of(2025, 11, 27), operator);
    }

    String awaitingFault(TestOrder order) {
        String rma = scene.open(order.number(), RequestType.RETURN, ReturnReason.DEFECTIVE, order.mug(), null);
        workflow.approve(rma, operator, null);
        workflow.awaitItem(rma, operator);
        return rma;
    }

    String token(TestOrder order) {
        return PortalLinks.token(jdbc, links, order.number());
    }

    String status(String rma, String token) {
        return "/portal/claims/" + rma + "?token=" + token;
    }

    long written(String rma) {
        return jdbc.sql("""
                        select count(*) from return_shipment s join claim c on c.id = s.claim_id
                         where c.rma = :rma and (s.pickup_date is not null or s.tracking_number is not null)
                        """).param("rma", rma).query(Long.class).single();
    }

    @Test
    void shouldShowTheAddressTheSlipAndThePickupDaysWithoutTheNonWorkingDay() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = awaitingFault(order);
        String token = token(order);

        String page = customer.get(status(rma, token)).body();

        assertThat(page)
                .contains("ご返送について")
                .contains("〒135-0061 東京都江東区豊洲3-2-20 倉庫棟2F")
                .contains("着払い（送料は当店が負担します）")
                .contains("返送票を印刷する（PDF）")
                .contains("value=\"2025-11-26\"")
                .doesNotContain("value=\"2025-11-27\"")
                .contains("14〜16時");
        assertThat(customer.get(status(rma, token) + "&lang=en").body())
                .contains("Sending it back")
                .contains("Cash on delivery, paid by us (着払い)")
                .contains("Morning (8–12)");
        HttpResponse<byte[]> slip = customer.download("/portal/claims/" + rma + "/slip.pdf?token=" + token);
        assertThat(slip.statusCode()).isEqualTo(200);
        assertThat(slip.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(slip.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(new String(slip.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void shouldAnswerEveryBadPickupAtItsFieldWith400AndWriteNothing() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = awaitingFault(order);
        String token = token(order);
        String path = "/portal/claims/" + rma + "/pickup?token=" + token;
        Map<String, String> refusals = Map.of(
                "2025-11-25", "集荷日は明日以降（17時以降のご予約は明後日以降）の日付をお選びください。",
                "2025-11-27", "その日は集荷を承っておりません。",
                "2026-01-20", "集荷日は2週間以内の日付をお選びください。",
                "tomorrow", "集荷日をお選びください。");
        refusals.forEach((day, message) -> {
            HttpResponse<String> answer =
                    customer.postForm(status(rma, token), path, Map.of("pickupDate", day, "pickupSlot", "H14_16"));
            assertThat(answer.statusCode()).as(day).isEqualTo(400);
            assertThat(answer.body()).as(day).contains(message).contains("id=\"pickupDate-error\"");
        });
        HttpResponse<String> band =
                customer.postForm(status(rma, token), path, Map.of("pickupDate", "2025-11-28", "pickupSlot", "H12_14"));
        assertThat(band.statusCode()).isEqualTo(400);
        assertThat(band.body()).contains("配送業者の時間帯からお選びください。");
        assertThat(written(rma)).isZero();

        HttpResponse<String> booked = customer.postForm(
                status(rma, token), path, Map.of("pickupDate", "2025-11-28", "pickupSlot", "MORNING"));
        assertThat(booked.statusCode()).isEqualTo(302);
        assertThat(customer.get(status(rma, token)).body()).contains("集荷のご予約済み").contains("午前中");
    }

    @Test
    void shouldRefuseAMalformedTrackingNumberAtItsFieldAndKeepAGoodOne() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = awaitingFault(order);
        String token = token(order);
        String path = "/portal/claims/" + rma + "/tracking?token=" + token;

        for (String bad : List.of("", "12-34", "abcd-efgh-ijkl", "1".repeat(20))) {
            HttpResponse<String> answer = customer.postForm(status(rma, token), path, Map.of("trackingNumber", bad));
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(answer.body()).as(bad).contains("10〜14桁の数字");
        }
        assertThat(written(rma)).isZero();

        assertThat(customer.postForm(status(rma, token), path, Map.of("trackingNumber", "4321-5678-9012"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(customer.get(status(rma, token)).body()).contains("当店へ配送中").contains("432156789012");
    }

    @Test
    void shouldNeverLetOneOrdersLinkReachAnotherOrdersClaim() {
        TestOrder mine = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        TestOrder theirs = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String theirRma = awaitingFault(theirs);
        String myToken = token(mine);

        assertThat(customer.get(status(theirRma, myToken)).statusCode()).isEqualTo(404);
        assertThat(customer.download("/portal/claims/" + theirRma + "/slip.pdf?token=" + myToken)
                        .statusCode())
                .isEqualTo(404);
        assertThat(customer.postForm(
                                "/portal",
                                "/portal/claims/" + theirRma + "/pickup?token=" + myToken,
                                Map.of("pickupDate", "2025-11-28", "pickupSlot", "H14_16"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(customer.postForm(
                                "/portal",
                                "/portal/claims/" + theirRma + "/tracking?token=" + myToken,
                                Map.of("trackingNumber", "123456789012"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(customer.postWithoutToken(
                                "/portal/claims/" + theirRma + "/tracking?token=" + token(theirs),
                                Map.of("trackingNumber", "123456789012"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(written(theirRma)).isZero();
    }

    @Test
    void shouldKeepTheSettingsForSupervisorsAndAnswerABadAddressAtItsField() {
        ConsoleClient plain = ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.OPERATOR), TestOperators.PASSWORD);
        assertThat(plain.get("/console/returns/settings?storefront="
                                + storefront.id().value())
                        .statusCode())
                .isEqualTo(403);
        assertThat(plain.get("/console/returns?storefront=" + storefront.id().value())
                        .statusCode())
                .isEqualTo(200);

        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        String page = "/console/returns/settings?storefront=" + storefront.id().value();
        HttpResponse<String> bad = admin.postForm(
                page,
                "/console/returns/settings/addresses?storefront="
                        + storefront.id().value(),
                Map.of(
                        "label",
                        "大阪倉庫",
                        "recipient",
                        "返品係",
                        "postalCode",
                        "530-00x1",
                        "address",
                        "大阪府大阪市",
                        "phone",
                        "06-1234-5678",
                        "requestType",
                        "",
                        "reason",
                        "",
                        "category",
                        ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("郵便番号を 123-4567 の形で入力してください。");
        HttpResponse<String> days = admin.postForm(
                page,
                "/console/returns/settings?storefront=" + storefront.id().value(),
                Map.of("carrier", "YAMATO", "reminderAfterDays", "0", "carrierCustomerCode", ""));
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(days.body()).contains("日数を1〜60の半角数字で入力してください。");
        assertThat(setup.addresses(storefront.id())).hasSize(1);
        assertThat(admin.get("/console/returns/settings?storefront=999999999").statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldRefuseAForgedFormatOrStorefrontForTheCarrierFileAndMarkNothing() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = awaitingFault(order);
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        String list = "/console/returns?storefront=" + storefront.id().value();
        String here = "" + storefront.id().value();

        for (Map<String, String> forged : List.of(
                Map.of("storefront", here, "format", "YAMATO_B3"),
                Map.of("storefront", "999999999", "format", "GENERIC"))) {
            assertThat(admin.postForm(list, "/console/returns/export", forged).statusCode())
                    .as(forged.toString())
                    .isEqualTo(400);
        }
        // an id that is not a number is the console's "not found" (ConsoleErrors), as everywhere
        assertThat(admin.postForm(list, "/console/returns/export", Map.of("storefront", "x", "format", "GENERIC"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from return_shipment s join claim c on c.id = s.claim_id"
                                + " where c.rma = :rma and s.exported_at is not null")
                        .param("rma", rma)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldDownloadTheCarrierFileInShiftJisFromTheConsole() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = awaitingFault(order);
        String token = token(order);
        customer.postForm(
                status(rma, token),
                "/portal/claims/" + rma + "/pickup?token=" + token,
                Map.of("pickupDate", "2025-11-28", "pickupSlot", "H16_18"));
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);
        String list = "/console/returns?storefront=" + storefront.id().value();
        assertThat(admin.get(list).body()).contains(rma).contains("集荷（当店負担）").contains("次回出力");

        HttpResponse<String> file = admin.postForm(
                list,
                "/console/returns/export",
                Map.of("storefront", "" + storefront.id().value(), "format", "B2_CLOUD"));

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("text/csv;charset=windows-31j");
        // the bytes and columns are ReturnLogisticsTest's; here: served as the carrier's Shift_JIS, marked exported
        HttpResponse<String> again = admin.postForm(
                list,
                "/console/returns/export",
                Map.of("storefront", "" + storefront.id().value(), "format", "GENERIC", "again", "true"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(admin.get(list).body()).doesNotContain("次回出力");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'returns.carrier.exported'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }
}
