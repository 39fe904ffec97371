package com.aftercare.web.stepmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Promotional mail under the law and the customer's patience: only with consent, with sender
 * and a working one-click opt-out, and never more than one a shop day. The clock stays in the
 * past for the reason given in {@link StepMailScenarioTest}.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class PromotionalMailTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    StepMailScheduler scheduler;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    Inquiries inquiries;

    Api api;

    @BeforeEach
    void storefront() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
    }

    @Test
    void shouldSendAReviewRequestOnlyWithConsentCarryingSenderAndOneClickOptOut() throws Exception {
        String email = deliveredWithConsent("2025-10-01T11:00:00+09:00");

        clock.setJst("2025-10-15T10:00");
        drain();

        MimeMessage review = mailWithSubject(email, "ご感想");
        assertThat(review.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String link = review.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        assertThat(link).contains("/portal/unsubscribe?token=");
        String text = (String) review.getContent();
        assertThat(text)
                .contains(link.substring(link.indexOf("/portal")))
                .contains("送信者")
                .contains("東京都渋谷区神宮前1-2-3");
        assertThat(jdbc.sql("select kind from outbound_mail where to_address = :to and template = 'review-request'")
                        .param("to", email)
                        .query(String.class)
                        .single())
                .isEqualTo("PROMOTIONAL");
    }

    @Test
    void shouldPostponeASecondPromotionalMailOnTheSameShopDayToTheNextMorning() {
        String email = Events.unique("cap") + "@example.jp";
        deliver(email, "2025-10-01T11:00:00+09:00");
        deliver(email, "2025-10-01T12:00:00+09:00");

        clock.setJst("2025-10-15T10:00");
        drain();

        assertThat(TestMailServer.subjectsTo(email))
                .filteredOn(s -> s.contains("ご感想"))
                .hasSize(1);
        List<String> waiting =
                jdbc.sql("""
                        select to_char(m.due_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI') from step_mail m
                          join enrolment e on e.id = m.enrolment_id
                          join customer c on c.id = e.customer_id
                          join scenario_step st on st.id = m.step_id
                         where c.email_normalized = :email and st.template = 'review-request' and m.status = 'SCHEDULED'
                        """).param("email", email).query(String.class).list();
        assertThat(waiting).containsExactly("2025-10-16 09:00");
    }

    @Test
    void shouldStopPromotionalMailAtOnceWhenTheCustomerClicksTheOneClickOptOut() throws Exception {
        String email = deliveredWithConsent("2025-10-01T11:00:00+09:00");
        clock.setJst("2025-10-15T10:00");
        drain();
        String link =
                mailWithSubject(email, "ご感想").getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        String path = link.substring(link.indexOf("/portal"));

        HttpResponse<String> confirmation = http("GET", path, null);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("配信を停止しますか");
        assertThat(consentOf(email)).as("a GET changes nothing").isTrue();

        HttpResponse<String> oneClick = http("POST", path, "List-Unsubscribe=One-Click");

        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("配信を停止しました");
        assertThat(consentOf(email)).isFalse();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("""
                        select count(*) from step_mail m join enrolment e on e.id = m.enrolment_id
                          join customer c on c.id = e.customer_id join scenario_step st on st.id = m.step_id
                         where c.email_normalized = :email and st.kind = 'PROMOTIONAL' and m.status = 'SCHEDULED'
                        """).param("email", email).query(Long.class).single() == 0);
        clock.setJst("2025-11-30T10:00");
        drain();
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("クーポン"));
    }

    @Test
    void shouldPlaceACodeOfItsOwnIntoEachRepeatCouponMailAndIssueItOnce() throws Exception {
        String email = deliveredWithConsent("2025-10-01T11:00:00+09:00");

        clock.setJst("2025-10-15T10:00");
        drain();
        clock.setJst("2025-10-31T10:00");
        drain();
        drain();

        String text = (String) mailWithSubject(email, "クーポン").getContent();
        List<String> codes =
                jdbc.sql("""
                        select c.code from coupon c join customer u on u.id = c.customer_id
                         where u.email_normalized = :email and c.source like 'step-mail:%'
                        """).param("email", email).query(String.class).list();
        assertThat(codes).hasSize(1);
        String code = codes.get(0);
        assertThat(text)
                .contains("クーポンコード：" + code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8))
                .contains("10% OFF（¥3,000以上のお買い物で）")
                .contains("有効期限：2025年11月30日 10:00まで");
    }

    @Test
    void shouldRefuseATamperedOptOutLinkAndChangeNothing() throws Exception {
        String email = deliveredWithConsent("2025-10-01T11:00:00+09:00");
        clock.setJst("2025-10-15T10:00");
        drain();
        String link =
                mailWithSubject(email, "ご感想").getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        String path = link.substring(link.indexOf("/portal"));
        String tampered = path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA");

        HttpResponse<String> answer = http("POST", tampered, "List-Unsubscribe=One-Click");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("このリンクは無効です");
        assertThat(consentOf(email)).isTrue();
        assertThat(http("POST", "/portal/unsubscribe?token=", "List-Unsubscribe=One-Click")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldHoldPromotionalMailWhileAComplaintAboutNoOrderIsOpenAndSendItOnceResolved() {
        String unhappy = deliveredWithConsent("2025-10-01T11:00:00+09:00");
        String polite = deliveredWithConsent("2025-10-01T11:00:00+09:00");
        clock.setJst("2025-10-05T10:00");
        String complaint = inquiry(unhappy, "対応が最悪です。二度と利用しません。");
        inquiry(polite, "ギフト包装はできますか？");
        await().atMost(Duration.ofSeconds(20)).until(() -> activeCustomerHolds(unhappy) == 1);

        clock.setJst("2025-10-15T10:00");
        drain();

        assertThat(activeCustomerHolds(polite)).as("a question is no complaint").isZero();
        assertThat(TestMailServer.subjectsTo(polite)).anyMatch(s -> s.contains("ご感想"));
        assertThat(TestMailServer.subjectsTo(unhappy))
                .as("the service mails of the order still go")
                .anyMatch(s -> s.contains("スタッフおすすめ"))
                .noneMatch(s -> s.contains("ご感想"));

        inquiries.resolve(complaint, "admin");
        await().atMost(Duration.ofSeconds(20)).until(() -> activeCustomerHolds(unhappy) == 0);
        drain();

        assertThat(TestMailServer.subjectsTo(unhappy))
                .filteredOn(s -> s.contains("ご感想"))
                .hasSize(1);
    }

    /** An inquiry from the web form about no order; its reference. */
    private String inquiry(String email, String body) {
        String json = """
                {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "山田 花子"},
                 "category": "OTHER", "subject": "お問い合わせ", "body": "%s"}
                """.formatted(email, body);
        Api.Answer answer =
                api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString(json));
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return answer.json().get("reference").asString();
    }

    private long activeCustomerHolds(String email) {
        return jdbc.sql("""
                        select count(*) from step_mail_hold h join customer c on c.id = h.customer_id
                         where c.email_normalized = :email and h.released_at is null
                        """).param("email", email).query(Long.class).single();
    }

    private String deliveredWithConsent(String deliveredAt) {
        String email = Events.unique("promo") + "@example.jp";
        deliver(email, deliveredAt);
        return email;
    }

    private void deliver(String email, String deliveredAt) {
        String number = Events.unique("P");
        clock.setJst(deliveredAt.substring(0, 16));
        api.postEvent(Events.placedWithConsent(Events.unique("evt"), number, email));
        api.postEvent(Events.progressed(Events.unique("evt"), "order.delivered", number, deliveredAt));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("""
                        select count(*) from step_mail m join enrolment e on e.id = m.enrolment_id
                          join customer_order o on o.id = e.order_id
                         where o.order_number = :number
                        """).param("number", number).query(Long.class).single() == 5);
    }

    private boolean consentOf(String email) {
        return jdbc.sql("select promotional_consent from customer where email_normalized = :e")
                .param("e", email)
                .query(Boolean.class)
                .single();
    }

    private void drain() {
        while (scheduler.runDue() > 0) {
            // rounds until nothing is due
        }
        while (dispatcher.dispatchDue() > 0) {
            // send everything queued
        }
    }

    private MimeMessage mailWithSubject(String email, String part) {
        return TestMailServer.receivedBy(email).stream()
                .filter(m -> TestMailServer.subjectOf(m).contains(part))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no mail to " + email + " with " + part + ": " + TestMailServer.subjectsTo(email)));
    }

    private HttpResponse<String> http(String method, String path, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
