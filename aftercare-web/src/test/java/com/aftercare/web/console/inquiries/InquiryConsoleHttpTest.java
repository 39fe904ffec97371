package com.aftercare.web.console.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the inquiry pages answer over plain HTTP: CSRF, refusals, limits, not found. */
@AftercareIntegrationTest
class InquiryConsoleHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient console;
    TestStorefronts.TestStorefront storefront;
    String reference;
    String page;

    @BeforeEach
    void setUp() {
        console = ConsoleClient.loggedInAsAdmin(port);
        storefront = TestStorefronts.create(storefronts);
        reference = openInquiry(new Api(port, storefront.key()));
        page = "/console/inquiries/" + reference;
    }

    /** An inquiry by mail through the storefront of {@code api}; its reference. */
    private static String openInquiry(Api api) {
        String email = Events.unique("http") + "@example.jp";
        Api.Answer answer = api.post(
                "/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "EMAIL", "customer": {"email": "%s", "name": "佐藤 一郎"},
                         "subject": "返品したい", "body": "サイズが合いませんでした。"}
                        """.formatted(email)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("reference").asString();
    }

    @Test
    void shouldRefuseAReplyPostedWithoutACsrfToken() {
        HttpResponse<String> response = console.postWithoutToken(page + "/reply", Map.of("body", "偽造されたリクエスト"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(messageCount()).isEqualTo(1);
    }

    @Test
    void shouldRedirectAfterAReply() {
        HttpResponse<String> response = console.postForm(page, page + "/reply", Map.of("body", "承知しました。"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(messageCount()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAReplyOverTheLimitWithAFieldMessage() {
        HttpResponse<String> response = console.postForm(page, page + "/reply", Map.of("body", "あ".repeat(20_001)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("reply-body-error").contains("20,000 文字以内で入力してください。");
        assertThat(messageCount()).isEqualTo(1);
    }

    @Test
    void shouldShowAStepTheWorkflowRefusesAsAMessage() {
        assertThat(console.postForm(page, page + "/resolve", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(console.postForm(page, page + "/close", Map.of()).statusCode())
                .isEqualTo(302);

        HttpResponse<String> again = console.postForm(page, page + "/resolve", Map.of());

        assertThat(again.statusCode()).isEqualTo(302);
        HttpResponse<String> shown = console.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("現在の状態ではこの操作はできません。").contains("クローズ");
    }

    @Test
    void shouldAnswer404ForAnUnknownInquiry() {
        assertThat(console.get("/console/inquiries/INQ-1999-999999").statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldListTheQueueWithoutPersonalDataAndPageByCursor() {
        // narrowed to this test's storefront: the reused test database holds other tests' unassigned
        // inquiries, and more than a page (50) of them pushed this one off the first page
        HttpResponse<String> queue = console.get("/console/inquiries?filter=unassigned&storefront="
                + storefront.id().value());

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(reference).contains("佐藤 一郎").doesNotContain("@example.jp");
        assertThat(console.get("/console/inquiries?after=garbage").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldShowTheStatusAsABadgeColouredByWhatItAsksOfTheOperator() {
        String queue = console.get("/console/inquiries?filter=unassigned&storefront="
                        + storefront.id().value())
                .body();
        String page = console.get("/console/inquiries/" + reference).body();

        // a new inquiry is new work: the blue badge, in the queue and on its page alike
        assertThat(Jsoup.parse(queue).select("#inquiry-" + reference + " td.status .badge.status-badge.info"))
                .extracting(Element::text)
                .containsExactly("新規");
        assertThat(Jsoup.parse(page).select("#status .badge.status-badge.info"))
                .extracting(Element::text)
                .containsExactly("新規");
    }

    @Test
    void shouldNarrowTheQueueToOneStorefrontKeepItInTheAddressAndRefuseOneThatIsNone() {
        TestStorefronts.TestStorefront other = TestStorefronts.create(storefronts);
        String otherReference = openInquiry(new Api(port, other.key()));
        long otherId = other.id().value();

        HttpResponse<String> narrowed = console.get("/console/inquiries?storefront=" + otherId);

        assertThat(narrowed.statusCode()).isEqualTo(200);
        assertThat(narrowed.body())
                .contains(otherReference)
                .doesNotContain(reference)
                .contains("<option value=\"" + otherId + "\" selected=\"selected\">")
                .contains("/console/inquiries/export?filter=all&amp;assignee=&amp;team=&amp;storefront=" + otherId
                        + "\"");

        HttpResponse<String> notANumber = console.get("/console/inquiries?storefront=abc");
        HttpResponse<String> none = console.get("/console/inquiries?storefront=999999999");
        HttpResponse<String> noneAsFile = console.get("/console/inquiries/export?storefront=999999999");

        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("id=\"storefront-error\"").contains("ストアは一覧から選んでください。");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("id=\"storefront-error\"").contains("ストアが正しくありません。");
        assertThat(noneAsFile.statusCode()).isEqualTo(400);
    }

    private long messageCount() {
        return jdbc.sql("""
                        select count(*) from inquiry_message m join inquiry i on i.id = m.inquiry_id
                         where i.reference = :r
                        """).param("r", reference).query(Long.class).single();
    }

    @Test
    void shouldChangeThePriorityAndWorkOutTheDueTimesAgain() {
        Map<String, Object> before = inquiryRow();

        HttpResponse<String> changed = console.postForm(page, page + "/priority", Map.of("priority", "URGENT"));
        HttpResponse<String> unknown = console.postForm(page, page + "/priority", Map.of("priority", "SOON"));

        assertThat(changed.statusCode()).isEqualTo(302);
        Map<String, Object> after = inquiryRow();
        assertThat(after.get("priority")).isEqualTo("URGENT");
        assertThat((java.sql.Timestamp) after.get("first_response_due_at"))
                .as("an urgent inquiry is due sooner")
                .isBefore((java.sql.Timestamp) before.get("first_response_due_at"));
        assertThat((java.sql.Timestamp) after.get("resolution_due_at"))
                .isBefore((java.sql.Timestamp) before.get("resolution_due_at"));
        assertThat(trail("PRIORITY_CHANGED")).containsExactly("NORMAL → URGENT");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"problem\"").contains("優先度を一覧から選んでください。");
        assertThat(inquiryRow().get("priority")).isEqualTo("URGENT");
        assertThat(console.get(page).body()).contains("<option value=\"URGENT\" selected=\"selected\">緊急</option>");
    }

    @Test
    void shouldFlagWithAReasonAndUnflagByHand() {
        HttpResponse<String> noReason = console.postForm(page, page + "/flag", Map.of("reason", "  "));
        HttpResponse<String> flagged = console.postForm(page, page + "/flag", Map.of("reason", "強い口調、消費者センターに言及"));

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("要注意の理由を入力してください");
        assertThat(flagged.statusCode()).isEqualTo(302);
        assertThat(inquiryRow().get("flagged")).isEqualTo(true);
        assertThat(console.get(page).body()).contains("強い口調、消費者センターに言及").contains("id=\"unflag\"");

        assertThat(console.postForm(page, page + "/unflag", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(inquiryRow().get("flagged")).isEqualTo(false);
        assertThat(trail("FLAGGED")).containsExactly("強い口調、消費者センターに言及");
        assertThat(trail("UNFLAGGED")).hasSize(1);
        assertThat(console.postWithoutToken(page + "/flag", Map.of("reason", "偽造"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(console.postWithoutToken(page + "/priority", Map.of("priority", "LOW"))
                        .statusCode())
                .isEqualTo(403);
    }

    private Map<String, Object> inquiryRow() {
        return jdbc.sql(
                        "select priority, flagged, first_response_due_at, resolution_due_at from inquiry where reference = :r")
                .param("r", reference)
                .query()
                .singleRow();
    }

    private java.util.List<String> trail(String type) {
        return jdbc.sql("""
                        select coalesce(e.detail, '') from inquiry_event e join inquiry i on i.id = e.inquiry_id
                         where i.reference = :r and e.type = :type order by e.id
                        """)
                .param("r", reference)
                .param("type", type)
                .query(String.class)
                .list();
    }
}
