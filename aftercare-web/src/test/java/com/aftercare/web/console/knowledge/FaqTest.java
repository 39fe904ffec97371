package com.aftercare.web.console.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.FaqArticles;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The FAQ from a good reply to the public page, who may do what, and the suggestions on an inquiry. */
@AftercareIntegrationTest
class FaqTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Inquiries inquiries;

    @Autowired
    FaqArticles faq;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient supervisor;
    ConsoleClient operator;
    Api api;
    String tag;

    final List<String> opened = new ArrayList<>();

    /** Articles written here, deleted after each test: suggestions of a later run must not meet their twins. */
    final List<Long> written = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        Desk.resolve(inquiries, opened);
        written.forEach(id -> faq.delete(id, "admin"));
    }

    @BeforeEach
    void setUp() {
        supervisor = Desk.logIn(port, operators, encoder, Operators.Role.SUPERVISOR);
        operator = Desk.logIn(port, operators, encoder, Operators.Role.OPERATOR);
        api = new Api(port, TestStorefronts.create(storefronts).key());
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldPromoteAReplyPublishItAndShowItEscapedOnThePublicFaq() {
        String reference = Desk.inquiry(api, opened, Desk.email("faq"), null, "支払い方法 " + tag, "コンビニ払いはできますか。");
        String page = "/console/inquiries/" + reference;
        assertThat(operator.postForm(page, page + "/reply", Map.of("body", "はい、<b>コンビニ払い</b>に対応しています。"))
                        .statusCode())
                .isEqualTo(302);
        long replyId = inquiries.find(reference).orElseThrow().messages().get(1).id();

        HttpResponse<String> promoted = operator.postForm(page, page + "/messages/" + replyId + "/faq", Map.of());

        assertThat(promoted.statusCode()).isEqualTo(302);
        long article = articleFrom(reference);
        assertThat(anonymousFaq()).doesNotContain(tag);

        String edit = "/console/faq/" + article;
        assertThat(supervisor
                        .postForm(
                                edit,
                                edit,
                                Map.of(
                                        "question", "コンビニ払いはできますか？ " + tag,
                                        "answer", "はい、<b>コンビニ払い</b>に対応しています。",
                                        "category", "PAYMENT"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(supervisor.postForm(edit, edit + "/publish", Map.of()).statusCode())
                .isEqualTo(302);

        String faq = anonymousFaq();
        assertThat(faq).contains("コンビニ払いはできますか？ " + tag).contains("お支払い");
        assertThat(faq).contains("&lt;b&gt;コンビニ払い&lt;/b&gt;").doesNotContain("<b>コンビニ払い</b>");
        assertThat(supervisor.get(edit).body()).contains(reference);
        // the customer's own message is not a reply: nothing to promote
        long customerMessage =
                inquiries.find(reference).orElseThrow().messages().get(0).id();
        assertThat(operator.postForm(page, page + "/messages/" + customerMessage + "/faq", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldKeepDraftsAndUnpublishedArticlesOffThePublicFaq() {
        long article = draft("下書きの質問 " + tag, "まだ公開しない回答です。", "OTHER");
        assertThat(anonymousFaq()).doesNotContain(tag);

        String edit = "/console/faq/" + article;
        supervisor.postForm(edit, edit + "/publish", Map.of());
        assertThat(anonymousFaq()).contains("下書きの質問 " + tag);

        supervisor.postForm(edit, edit + "/unpublish", Map.of());
        assertThat(anonymousFaq()).doesNotContain(tag);
    }

    @Test
    void shouldSuggestTheRelevantArticleFirstForAJapaneseInquiry() {
        long shipping = publish(draft("配送状況を確認するには？（" + tag + "）", "発送後にお送りする追跡番号で、配送状況をご確認いただけます。", "SHIPPING"));
        long returns = publish(draft("返品の方法を教えてください（" + tag + "）", "商品到着後8日以内にご連絡ください。返品送料は当店負担です。", "RETURN"));
        long size = publish(draft("サイズ交換はできますか（" + tag + "）", "未使用品に限り、サイズ交換を承ります。", "PRODUCT"));
        String reference =
                Desk.inquiry(api, opened, Desk.email("faq"), null, "商品が届きません", "先週注文した商品がまだ届きません。配送状況を確認したいです。");

        String page = operator.get("/console/inquiries/" + reference).body();

        Matcher suggestions = Pattern.compile("id=\"suggestion-(\\d+)\"").matcher(page);
        assertThat(suggestions.find()).as("a suggestion on the page").isTrue();
        // earlier runs on the same database may have left a twin of the shipping article: any of them may lead
        assertThat(questionOf(Long.parseLong(suggestions.group(1)))).startsWith("配送状況を確認するには？");
        assertThat(page).contains(suggestion(shipping)).doesNotContain(suggestion(size));
        assertThat(page.indexOf(suggestion(shipping))).isLessThan(indexOrEnd(page, suggestion(returns)));
    }

    @Test
    void shouldRefuseOperatorsThePublishingAndTheFaqPages() {
        long article = draft("運営の質問 " + tag, "回答です。", "OTHER");

        assertThat(operator.get("/console/faq").statusCode()).isEqualTo(403);
        assertThat(operator.postForm("/console", "/console/faq/" + article + "/publish", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(published(article)).isFalse();
    }

    @Test
    void shouldRefuseAnEmptyQuestionAndAPublishWithoutCsrfToken() {
        HttpResponse<String> empty = supervisor.postForm(
                "/console/faq", "/console/faq", Map.of("question", " ", "answer", "", "category", "OTHER"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("質問を入力してください。").contains("回答を入力してください。");

        long article = draft("CSRFの質問 " + tag, "回答です。", "OTHER");
        assertThat(supervisor
                        .postWithoutToken("/console/faq/" + article + "/publish", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(published(article)).isFalse();
        assertThat(supervisor.get("/console/faq/999999999").statusCode()).isEqualTo(404);
    }

    private long draft(String question, String answer, String category) {
        HttpResponse<String> created = supervisor.postForm(
                "/console/faq", "/console/faq", Map.of("question", question, "answer", answer, "category", category));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        written.add(id);
        return id;
    }

    private long publish(long article) {
        String edit = "/console/faq/" + article;
        assertThat(supervisor.postForm(edit, edit + "/publish", Map.of()).statusCode())
                .isEqualTo(302);
        return article;
    }

    private String anonymousFaq() {
        HttpResponse<String> faq = new ConsoleClient(port).get("/portal/faq");
        assertThat(faq.statusCode()).isEqualTo(200);
        assertThat(faq.body()).contains("よくある質問");
        return faq.body();
    }

    private long articleFrom(String reference) {
        long id = jdbc.sql("""
                        select a.id from faq_article a join inquiry i on i.id = a.source_inquiry_id
                         where i.reference = :r
                        """).param("r", reference).query(Long.class).single();
        written.add(id);
        return id;
    }

    private String questionOf(long article) {
        return jdbc.sql("select question from faq_article where id = :id")
                .param("id", article)
                .query(String.class)
                .single();
    }

    private static String suggestion(long article) {
        return "id=\"suggestion-" + article + "\"";
    }

    private static int indexOrEnd(String page, String text) {
        int at = page.indexOf(text);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private boolean published(long article) {
        return jdbc.sql("select published from faq_article where id = :id")
                .param("id", article)
                .query(Boolean.class)
                .single();
    }
}
