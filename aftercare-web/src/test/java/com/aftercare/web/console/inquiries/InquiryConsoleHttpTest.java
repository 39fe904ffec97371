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
    String reference;
    String page;

    @BeforeEach
    void setUp() {
        console = ConsoleClient.loggedInAsAdmin(port);
        Api api = new Api(port, TestStorefronts.create(storefronts).key());
        String email = Events.unique("http") + "@example.jp";
        Api.Answer answer = api.post(
                "/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "EMAIL", "customer": {"email": "%s", "name": "佐藤 一郎"},
                         "subject": "返品したい", "body": "サイズが合いませんでした。"}
                        """.formatted(email)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        reference = answer.json().get("reference").asString();
        page = "/console/inquiries/" + reference;
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
        HttpResponse<String> queue = console.get("/console/inquiries?filter=unassigned");

        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(reference).contains("佐藤 一郎").doesNotContain("@example.jp");
        assertThat(console.get("/console/inquiries?after=garbage").statusCode()).isEqualTo(400);
    }

    private long messageCount() {
        return jdbc.sql("""
                        select count(*) from inquiry_message m join inquiry i on i.id = m.inquiry_id
                         where i.reference = :r
                        """).param("r", reference).query(Long.class).single();
    }
}
