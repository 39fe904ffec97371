package com.aftercare.web.console.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inquiry desk's partial updates in a real headless Chromium: a canned response into the reply
 * box, the reply sent and shown without the page reloading, and the mail at the SMTP server. A
 * marker set on {@code window} survives only if the page was never reloaded.
 */
@AftercareIntegrationTest
class InquiryHtmxBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    CannedResponses canned;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    Inquiries inquiries;

    Api api;
    String email;
    final List<String> opened = new ArrayList<>();

    @AfterEach
    void resolveWhatWasOpened() {
        opened.forEach(reference -> inquiries.resolve(reference, "admin"));
    }

    @BeforeEach
    void setUp() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
        email = Events.unique("htmx") + "@example.jp";
        browser.on(port);
        browser.fresh();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
    }

    @Test
    void shouldInsertACannedResponseAndSendTheReplyWithoutReloadingThePage() throws Exception {
        String title = "お詫びと確認 " + UUID.randomUUID().toString().substring(0, 6);
        long id = canned.create(
                new CannedResponses.Draft(title, "{{customerName}} 様\nご不便をおかけし申し訳ございません。{{orderNumber}}", null, "ja"),
                "admin");
        String reference = open();
        browser.open("/console/inquiries/" + reference);
        markPage();

        new Select(browser.driver().findElement(By.id("canned"))).selectByValue(String.valueOf(id));
        browser.driver().findElement(By.id("use-canned")).click();
        browser.waitFor(d ->
                d.findElement(By.id("reply-body")).getDomProperty("value").startsWith("山田 花子 様\nご不便をおかけし申し訳ございません。"));
        assertThat(browser.driver().findElement(By.id("reply-body")).getDomProperty("value"))
                .endsWith("［注文の紐づけなし］");
        browser.type(By.id("reply-body"), "山田 花子 様\nご不便をおかけし申し訳ございません。本日再発送いたしました。");
        browser.driver().findElement(By.id("send-reply")).click();

        browser.waitFor(d -> d.findElement(By.id("messages")).getText().contains("本日再発送いたしました。"));
        browser.waitFor(d -> d.findElement(By.id("status")).getText().equals("対応中"));
        assertThat(browser.driver().findElement(By.id("notice")).getText()).isEqualTo("返信しました。");
        assertThat(browser.driver().findElement(By.id("reply-body")).getDomProperty("value"))
                .isEmpty();
        assertThat(browser.driver().findElement(By.id("trail")).getText()).contains("返信");
        assertThat(pageIsTheSame()).as("the page was not reloaded").isTrue();
        assertThat(browser.path()).isEqualTo("/console/inquiries/" + reference);

        dispatcher.dispatchDue();
        assertThat(TestMailServer.textsTo(email)).singleElement().asString().contains("本日再発送いたしました。");
    }

    @Test
    void shouldShowAnEmptyReplysFieldMessageInPlace() {
        String reference = open();
        browser.open("/console/inquiries/" + reference);
        markPage();

        browser.type(By.id("reply-body"), "   ");
        browser.driver().findElement(By.id("send-reply")).click();

        assertThat(browser.waitForVisible(By.id("reply-body-error")).getText()).isEqualTo("本文を入力してください。");
        assertThat(pageIsTheSame()).isTrue();
    }

    @Test
    void shouldAddANoteInPlace() {
        String reference = open();
        browser.open("/console/inquiries/" + reference);
        markPage();

        browser.type(By.id("note-body"), "倉庫に在庫を確認中");
        browser.driver().findElement(By.id("add-note")).click();

        browser.waitFor(d -> d.findElement(By.id("notes")).getText().contains("倉庫に在庫を確認中"));
        assertThat(browser.driver().findElement(By.id("notice")).getText()).isEqualTo("メモを追加しました。");
        assertThat(pageIsTheSame()).isTrue();
    }

    @Test
    void shouldSwapTheQueueListWhenTheFilterChanges() {
        open();
        browser.open("/console/inquiries");
        markPage();

        browser.driver().findElement(By.id("filter-unassigned")).click();

        browser.waitFor(
                d -> "page".equals(d.findElement(By.id("filter-unassigned")).getDomAttribute("aria-current")));
        assertThat(browser.path()).isEqualTo("/console/inquiries?filter=unassigned");
        assertThat(pageIsTheSame()).isTrue();
    }

    private void markPage() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.stillTheSamePage = true;");
    }

    private boolean pageIsTheSame() {
        return Boolean.TRUE.equals(
                ((JavascriptExecutor) browser.driver()).executeScript("return window.stillTheSamePage === true;"));
    }

    private String open() {
        Api.Answer answer = api.post(
                "/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "WEB_FORM",
                         "customer": {"email": "%s", "name": "山田 花子"},
                         "category": "SHIPPING",
                         "subject": "商品が届きません",
                         "body": "先週注文した商品がまだ届きません。"}
                        """.formatted(email)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        opened.add(answer.json().get("reference").asString());
        return answer.json().get("reference").asString();
    }
}
