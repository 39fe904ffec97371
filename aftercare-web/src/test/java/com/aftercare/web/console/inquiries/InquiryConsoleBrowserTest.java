package com.aftercare.web.console.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The inquiry desk in a real headless Chromium, from a storefront's inquiry to the reply mail. */
@AftercareIntegrationTest
class InquiryConsoleBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String email;

    @BeforeEach
    void setUp() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
        email = Events.unique("desk") + "@example.jp";
        browser.on(port);
        browser.fresh();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
    }

    @Test
    void shouldTakeReplyByMailAndResolveAnInquiryFromTheQueue() throws Exception {
        String reference = open("12月1日の午前中に変更できますか。");

        browser.driver().findElement(By.id("nav-inquiries")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/inquiries"));
        browser.open("/console/inquiries?filter=unassigned");
        assertThat(browser.text()).contains("お問い合わせ対応");
        // The queue shows the customer's name but never their address.
        By row = By.id("inquiry-" + reference);
        assertThat(browser.driver().findElement(row).getText())
                .contains("お届け日の変更について")
                .contains("山田 花子")
                .contains("新規")
                .doesNotContain(email);
        browser.driver().findElement(row).findElement(By.linkText(reference)).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/inquiries/" + reference));

        browser.driver().findElement(By.id("take")).click();
        browser.waitForVisible(By.id("notice"));
        assertThat(browser.driver().findElement(By.id("assignee")).getText()).isEqualTo("管理者");

        browser.type(By.id("reply-body"), "山田様、12月1日の午前中にお届けいたします。");
        browser.driver().findElement(By.id("send-reply")).click();
        // The page before the click still shows the notice of "take": wait for the new one.
        browser.waitFor(d -> d.findElement(By.id("notice")).getText().equals("返信しました。"));
        assertThat(browser.driver().findElement(By.id("messages")).getText()).contains("12月1日の午前中にお届けいたします。");
        assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("対応中");

        dispatcher.dispatchDue();
        List<MimeMessage> mails = TestMailServer.receivedBy(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains(reference).contains("お届け日の変更について");
        assertThat(mails.get(0).getContent().toString()).contains("12月1日の午前中にお届けいたします。");

        browser.driver().findElement(By.id("resolve")).click();
        browser.waitFor(d -> d.findElement(By.id("status")).getText().equals("解決済み"));
        assertThat(browser.driver().findElement(By.id("notice")).getText()).isEqualTo("解決済みにしました。");
        assertThat(browser.driver().findElement(By.id("trail")).getText())
                .contains("担当者の割り当て")
                .contains("返信");
    }

    @Test
    void shouldRefuseAnEmptyReplyWithAFieldMessageAndWriteNothing() {
        String reference = open("届いていません。");
        browser.open("/console/inquiries/" + reference);

        browser.type(By.id("reply-body"), "   ");
        browser.driver().findElement(By.id("send-reply")).click();

        assertThat(browser.waitForVisible(By.id("reply-body-error")).getText()).isEqualTo("本文を入力してください。");
        assertThat(jdbc.sql("""
                        select count(*) from inquiry_message m join inquiry i on i.id = m.inquiry_id
                         where i.reference = :r
                        """).param("r", reference).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbound_mail where to_address = :to")
                        .param("to", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldShowACustomersScriptAsText() {
        String reference = open("<script>alert(1)</script> 壊れていました");

        browser.open("/console/inquiries/" + reference);

        assertThat(browser.driver().getPageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(browser.driver().findElement(By.id("messages")).getText())
                .contains("<script>alert(1)</script> 壊れていました");
        assertThat(alertShown()).isFalse();
    }

    private boolean alertShown() {
        try {
            browser.driver().switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    private String open(String body) {
        Api.Answer answer =
                api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "WEB_FORM",
                         "customer": {"email": "%s", "name": "山田 花子"},
                         "category": "SHIPPING",
                         "subject": "お届け日の変更について",
                         "body": %s}
                        """.formatted(
                                email, JsonMapper.builder().build().writeValueAsString(body))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("reference").asString();
    }
}
