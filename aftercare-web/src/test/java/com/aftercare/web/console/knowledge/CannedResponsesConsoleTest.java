package com.aftercare.web.console.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.util.HtmlUtils;

/** Canned responses over HTTP: kept by supervisors, refused when bad, filled in for an inquiry. */
@AftercareIntegrationTest
class CannedResponsesConsoleTest {

    static final String PAGE = "/console/canned-responses";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Inquiries inquiries;

    ConsoleClient supervisor;
    Api api;
    String title;

    final List<String> opened = new ArrayList<>();

    @AfterEach
    void resolveWhatWasOpened() {
        Desk.resolve(inquiries, opened);
    }

    @BeforeEach
    void setUp() {
        supervisor = Desk.logIn(port, operators, encoder, Operators.Role.SUPERVISOR);
        api = new Api(port, TestStorefronts.create(storefronts).key());
        title = "配送状況のご案内 " + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void shouldFillInACannedResponseForAnInquiryWithItsOrderAndTrackingLink() {
        String email = Desk.email("canned");
        String order = Events.unique("R");
        assertThat(api.postEvent(Events.placed(Events.unique("e"), order, email))
                        .status())
                .isEqualTo(200);
        assertThat(api.postEvent(Events.shipped(Events.unique("e"), order, "2026-11-24T09:00:00+09:00", "1234-5678"))
                        .status())
                .isEqualTo(200);
        String reference = Desk.inquiry(api, opened, email, order, "まだ届きません", "いつ届きますか。");
        long id = create("{{customerName}} 様\nご注文 {{orderNumber}} は {{trackingLink}} で確認できます。");

        HttpResponse<String> page = supervisor.get("/console/inquiries/" + reference + "?canned=" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(replyBox(page.body())))
                .isEqualTo("山田 花子 様\nご注文 " + order + " は "
                        + "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=12345678 で確認できます。");
    }

    @Test
    void shouldPutAClearPlaceholderWhereTheInquiryHasNoOrder() {
        String reference = Desk.inquiry(api, opened, Desk.email("canned"), null, "質問", "教えてください。");
        long id = create("ご注文 {{orderNumber}}（{{trackingLink}}）");

        HttpResponse<String> fragment = supervisor.getAsHtmx("/console/inquiries/" + reference + "?canned=" + id);

        assertThat(fragment.statusCode()).isEqualTo(200);
        // htmx gets the reply form alone, not the page
        assertThat(fragment.body()).startsWith("<form id=\"reply-form\"").doesNotContain("<html");
        assertThat(replyBox(fragment.body())).isEqualTo("ご注文 ［注文の紐づけなし］（［未発送のため追跡番号なし］）");
    }

    @Test
    void shouldListWhatASupervisorCreatedAndAuditIt() {
        long id = create("{{shopName}}です。");

        assertThat(supervisor.get(PAGE).body()).contains(title).contains("canned-" + id);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'canned.created' and target_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseAnEmptyTitleAndBodyWithFieldMessages() {
        HttpResponse<String> response = post(PAGE, form("", "  "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("title-error")
                .contains("タイトルを入力してください。")
                .contains("body-error")
                .contains("本文を入力してください。");
        assertThat(countTitled()).isZero();
    }

    @Test
    void shouldRefuseABodyOfOneMegabyte() {
        HttpResponse<String> response = post(PAGE, form(title, "a".repeat(1_000_000)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("body-error").contains("20,000 文字以内で入力してください。");
        assertThat(countTitled()).isZero();
    }

    @Test
    void shouldRefuseAnUnknownVariableWhenSavingNotWhenUsing() {
        HttpResponse<String> response = post(PAGE, form(title, "ご注文 {{orderNo}} について"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("body-error").contains("変数「{{orderNo}}」はありません。");
        assertThat(countTitled()).isZero();
    }

    @Test
    void shouldRefuseAFormWithoutCsrfToken() {
        HttpResponse<String> response = supervisor.postWithoutToken(PAGE, form(title, "本文"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(countTitled()).isZero();
    }

    @Test
    void shouldEditAndDeleteACannedResponse() {
        long id = create("旧本文");

        HttpResponse<String> edited = post(PAGE + "/" + id, form(title, "新しい本文 {{reference}}"));
        assertThat(edited.statusCode()).isEqualTo(302);
        assertThat(supervisor.get(PAGE + "/" + id).body()).contains("新しい本文 {{reference}}");

        assertThat(post(PAGE + "/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(supervisor.get(PAGE + "/" + id).statusCode()).isEqualTo(404);
        assertThat(countTitled()).isZero();
    }

    @Test
    void shouldKeepOperatorsOutOfTheCannedResponsePages() {
        ConsoleClient operator = Desk.logIn(port, operators, encoder, Operators.Role.OPERATOR);

        assertThat(operator.get(PAGE).statusCode()).isEqualTo(403);
        // the operator's own CSRF token, from a page they may open: still refused by role
        assertThat(operator.postForm("/console", PAGE, form(title, "本文")).statusCode())
                .isEqualTo(403);
        assertThat(countTitled()).isZero();
        assertThat(operator.get("/console").body()).doesNotContain("nav-knowledge");
        assertThat(supervisor.get("/console").body()).contains("nav-knowledge");
    }

    private long create(String body) {
        HttpResponse<String> response = post(PAGE, form(title, body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return jdbc.sql("select id from canned_response where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
        return supervisor.postForm(PAGE, path, fields);
    }

    private static Map<String, String> form(String title, String body) {
        Map<String, String> form = new HashMap<>();
        form.put("title", title);
        form.put("body", body);
        form.put("category", "");
        form.put("language", "ja");
        return form;
    }

    private long countTitled() {
        return jdbc.sql("select count(*) from canned_response where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
    }

    /** The text of the reply box as the page holds it (still HTML-escaped). */
    static String replyBox(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<textarea id=\"reply-body\"[^>]*>(.*?)</textarea>", java.util.regex.Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("reply box in " + html).isTrue();
        return m.group(1);
    }
}
