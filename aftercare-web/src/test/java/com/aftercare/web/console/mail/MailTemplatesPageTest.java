package com.aftercare.web.console.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.MailSample;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's mail templates page over HTTP: every mail listed, a storefront's own version
 * saved, used for that storefront's mails only and reset, refusals with a 400 under their field,
 * the discreet preview, and who may use the page.
 */
@AftercareIntegrationTest
class MailTemplatesPageTest {

    private static final String LIST = "/console/mail/templates";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    ConsoleClient supervisor;

    @BeforeEach
    void supervisorAndAStorefrontOfTheirOwn() {
        storefront = TestStorefronts.create(storefronts);
        supervisor = ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR), TestOperators.PASSWORD);
    }

    @Test
    void shouldListEveryMailOfTheProductInShopWords() {
        HttpResponse<String> page = supervisor.get(LIST);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("ご購入の御礼", "ご返金完了のご連絡", "お問い合わせへの返信", "ご注文確認ページのご案内", "レビューのお願い")
                .contains("data-code=\"claim-refunded\"", "data-code=\"inquiry-csat\"", "data-code=\"review-request\"")
                .contains("返品・交換・保証", "ステップメール");
    }

    @Test
    void shouldUseAStorefrontsOwnVersionForThatStorefrontsMailsOnlyUntilItIsReset() {
        String path =
                LIST + "/order-thanks?lang=ja&storefront=" + storefront.id().value();
        HttpResponse<String> saved = supervisor.postForm(
                path,
                path,
                Map.of(
                        "subject", "【限定ストア】ご注文 [(${orderNumber})] ありがとうございます",
                        "textBody", "[(${customerName})] 様\nご注文 [(${orderNumber})] を承りました。",
                        "htmlBody", ""));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(supervisor.get(path).body()).contains("このストア独自の文面です。").contains("独自の文面を削除して元に戻す");

        String own = Events.unique("own") + "@example.jp";
        String other = Events.unique("other") + "@example.jp";
        String number = Events.unique("T");
        new Api(port, storefront.key()).postEvent(Events.placed(Events.unique("evt"), number, own));
        Api elsewhere = new Api(port, TestStorefronts.create(storefronts).key());
        elsewhere.postEvent(Events.placed(Events.unique("evt"), Events.unique("T"), other));

        assertThat(TestMailServer.subjectOf(deliveredTo(own))).isEqualTo("【限定ストア】ご注文 " + number + " ありがとうございます");
        assertThat(TestMailServer.subjectOf(deliveredTo(other)))
                .contains("ご注文ありがとうございます")
                .doesNotContain("限定ストア");

        HttpResponse<String> reset = supervisor.postForm(
                path,
                LIST + "/order-thanks/reset?lang=ja&storefront="
                        + storefront.id().value(),
                Map.of());
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(supervisor.get(path).body()).doesNotContain("このストア独自の文面です。");
        assertThat(jdbc.sql("select count(*) from mail_template where storefront_id = :s")
                        .param("s", storefront.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldRefuseAVersionNamingAVariableTheMailDoesNotGetAndSaveNothing() {
        String path =
                LIST + "/claim-approved?lang=ja&storefront=" + storefront.id().value();

        HttpResponse<String> refused = supervisor.postForm(
                path, path, Map.of("subject", "件名", "textBody", "[(${giftMessage})]", "htmlBody", ""));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("textBody-error").contains("unknown variable giftMessage");
        assertThat(jdbc.sql("select count(*) from mail_template where storefront_id = :s")
                        .param("s", storefront.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldRefuseAReplyWhoseSubjectDropsTheReferenceItsAnswersAreThreadedBy() {
        String path =
                LIST + "/inquiry-reply?lang=ja&storefront=" + storefront.id().value();

        HttpResponse<String> refused = supervisor.postForm(
                path,
                path,
                Map.of("subject", "Re: [(${inquirySubject})]", "textBody", "[(${replyBody})]", "htmlBody", ""));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("subject-error").contains("${referenceTag}");
    }

    @Test
    void shouldPreviewADiscreetOrderWithoutItsProduct() {
        String path = LIST + "/claim-requested?lang=ja";

        assertThat(supervisor.get(path).body()).contains(MailSample.PRODUCT_NAME);
        HttpResponse<String> discreet = supervisor.get(path + "&discreet=true");
        assertThat(discreet.statusCode()).isEqualTo(200);
        assertThat(discreet.body()).contains("商品名の記載を控えております").doesNotContain(MailSample.PRODUCT_NAME);
    }

    @Test
    void shouldAnswer404ForAnUnknownTemplateAndKeepOperatorsAndStrangersOut() {
        assertThat(supervisor.get(LIST + "/no-such-mail").statusCode()).isEqualTo(404);

        ConsoleClient operator = ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.OPERATOR), TestOperators.PASSWORD);
        assertThat(operator.get(LIST).statusCode()).isEqualTo(403);
        assertThat(new ConsoleClient(port).get(LIST).statusCode()).isEqualTo(302);
        assertThat(supervisor
                        .postWithoutToken(LIST + "/order-thanks?lang=ja", Map.of("subject", "x", "textBody", "y"))
                        .statusCode())
                .isEqualTo(403);
    }

    /** Waits for the after-commit listener to queue the mail, then dispatches like the scheduler would. */
    private MimeMessage deliveredTo(String email) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            dispatcher.dispatchDue();
                            return TestMailServer.receivedBy(email);
                        },
                        received -> !received.isEmpty())
                .get(0);
    }
}
