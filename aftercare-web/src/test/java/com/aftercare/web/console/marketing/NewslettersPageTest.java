package com.aftercare.web.console.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The newsletter page: preview with count and sample, schedule, and clear answers to bad input. */
@AftercareIntegrationTest
class NewslettersPageTest {

    private static final String PAGE = "/console/marketing/newsletters";
    private static final String BODY =
            "[(${customerName})] 様\n新作のご案内です。\n停止：[(${unsubscribeUrl})]\n" + "送信者：[(${shopName})] [(${shopAddress})]";

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    TestStorefront shop;
    ConsoleClient supervisor;

    @BeforeEach
    void shopWithTwoConsentingCustomers() {
        shop = TestStorefronts.create(storefronts);
        Api api = new Api(port, shop.key());
        for (int i = 0; i < 2; i++) {
            api.postEvent(Events.placedWithConsent(
                    Events.unique("evt"), Events.unique("M"), Events.unique("page") + "@example.jp"));
        }
        api.postEvent(Events.placed(Events.unique("evt"), Events.unique("M"), Events.unique("page") + "@example.jp"));
        supervisor = MarketingConsole.as(Operators.Role.SUPERVISOR, operators, encoder, port);
    }

    @Test
    void shouldPreviewTheRecipientCountAndARenderedSample() {
        HttpResponse<String> preview = supervisor.postForm(PAGE, PAGE, form(Map.of("action", "preview")));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("現時点の配信対象：2 人").contains("山田 花子 様").contains("東京都渋谷区神宮前1-2-3");
    }

    @Test
    void shouldScheduleAndListTheNewsletter() {
        String subject = Events.unique("冬のお知らせ");

        HttpResponse<String> scheduled =
                supervisor.postForm(PAGE, PAGE, form(Map.of("action", "schedule", "subject", subject)));

        assertThat(scheduled.statusCode()).isEqualTo(302);
        assertThat(supervisor.get(PAGE).body()).contains(subject).contains("予約済み");
        assertThat(jdbc.sql("select count(*) from newsletter where subject = :s")
                        .param("s", subject)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldSayClearlyWhenTheSegmentMatchesNobodyAndScheduleNothing() {
        String subject = Events.unique("誰にも");

        HttpResponse<String> answer = supervisor.postForm(
                PAGE, PAGE, form(Map.of("action", "schedule", "subject", subject, "category", "no-such-category")));
        HttpResponse<String> preview =
                supervisor.postForm(PAGE, PAGE, form(Map.of("action", "preview", "category", "no-such-category")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"segment-error\"").contains("予約していません");
        assertThat(preview.body()).contains("現時点の配信対象：0 人").contains("id=\"nobody\"");
        assertThat(jdbc.sql("select count(*) from newsletter where subject = :s")
                        .param("s", subject)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldAnswerBadInputAtItsField() {
        HttpResponse<String> unknownVariable =
                supervisor.postForm(PAGE, PAGE, form(Map.of("action", "schedule", "textBody", BODY + "[(${points})]")));
        HttpResponse<String> noOptOut = supervisor.postForm(
                PAGE, PAGE, form(Map.of("action", "schedule", "textBody", "[(${customerName})] 様")));
        HttpResponse<String> past =
                supervisor.postForm(PAGE, PAGE, form(Map.of("action", "schedule", "sendAt", "2020-01-01T10:00")));
        HttpResponse<String> unknownStorefront =
                supervisor.postForm(PAGE, PAGE, form(Map.of("action", "schedule", "storefrontId", "-1")));

        assertThat(unknownVariable.statusCode()).isEqualTo(400);
        assertThat(unknownVariable.body()).contains("id=\"textBody-error\"").contains("points");
        assertThat(noOptOut.body()).contains("id=\"textBody-error\"");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("id=\"sendAt-error\"");
        assertThat(unknownStorefront.statusCode()).isEqualTo(400);
        assertThat(unknownStorefront.body()).contains("id=\"storefrontId-error\"");
    }

    @Test
    void shouldCancelAScheduledNewsletterOnceAndSaySoWhenThereIsNothingLeftToCancel() {
        String subject = Events.unique("取消");
        supervisor.postForm(PAGE, PAGE, form(Map.of("action", "schedule", "subject", subject, "overCap", "POSTPONE")));
        long id = jdbc.sql("select id from newsletter where subject = :s")
                .param("s", subject)
                .query(Long.class)
                .single();
        assertThat(supervisor.get(PAGE).body())
                .contains("id=\"cancel-" + id + "\"")
                .contains("空きのある日に延期");

        HttpResponse<String> cancelled = supervisor.postForm(PAGE, PAGE + "/" + id + "/cancel", Map.of());
        HttpResponse<String> again = supervisor.postForm(PAGE, PAGE + "/" + id + "/cancel", Map.of());
        HttpResponse<String> unknown = supervisor.postForm(PAGE, PAGE + "/999999999/cancel", Map.of());

        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"problem\"").contains("取り消せるものがありません");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select status || ' ' || cancelled_by from newsletter where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .startsWith("CANCELLED supervisor");
        assertThat(supervisor.get(PAGE).body()).doesNotContain("id=\"cancel-" + id + "\"");
        assertThat(jdbc.sql("""
                        select count(*) from audit_log
                         where action = 'newsletter.cancelled' and target_type = 'newsletter' and target_id = :id
                        """)
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownOverCapRuleAtItsField() {
        HttpResponse<String> answer =
                supervisor.postForm(PAGE, PAGE, form(Map.of("action", "schedule", "overCap", "RESEND")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"overCap-error\"");
    }

    @Test
    void shouldKeepOperatorsOut() {
        ConsoleClient operator = MarketingConsole.as(Operators.Role.OPERATOR, operators, encoder, port);

        assertThat(operator.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(supervisor
                        .postWithoutToken(PAGE, form(Map.of("action", "schedule")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(operator.postForm("/console", PAGE + "/1/cancel", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(supervisor.postWithoutToken(PAGE + "/1/cancel", Map.of()).statusCode())
                .isEqualTo(403);
    }

    private Map<String, String> form(Map<String, String> overrides) {
        Map<String, String> form = new HashMap<>(Map.of(
                "subject",
                "新作のご案内",
                "textBody",
                BODY,
                "language",
                "ja",
                "storefrontId",
                String.valueOf(shop.id().value()),
                "category",
                "",
                "purchasedWithinDays",
                "",
                "couponCampaignId",
                "",
                "sendAt",
                LocalDateTime.now(ZoneId.of("Asia/Tokyo"))
                        .plusDays(1)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"))));
        form.putAll(overrides);
        return form;
    }
}
