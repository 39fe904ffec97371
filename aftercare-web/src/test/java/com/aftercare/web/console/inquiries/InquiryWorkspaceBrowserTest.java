package com.aftercare.web.console.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerNotes;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.FaqArticles;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inquiry workspace in a real headless Chromium: the customer panel beside the conversation
 * with its sections filled, a canned response into the reply box, and a suggested FAQ article's
 * link put at the cursor without losing the draft.
 */
@AftercareIntegrationTest
class InquiryWorkspaceBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    CannedResponses canned;

    @Autowired
    FaqArticles faq;

    @Autowired
    CustomerNotes notes;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String email;
    String orderNumber;

    @BeforeEach
    void setUp() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
        email = Events.unique("workspace") + "@example.jp";
        orderNumber = Events.unique("W");
        api.postEvent(Events.placed(Events.unique("evt"), orderNumber, email));
        browser.on(port);
        browser.fresh();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
    }

    @Test
    void shouldShowTheCustomerBesideTheConversationOnAWideScreen() {
        String reference = open();
        notes.add(customerOf(reference), "午前中の連絡を希望", "admin");
        browser.driver().manage().window().setSize(new Dimension(1366, 900));

        browser.open("/console/inquiries/" + reference);

        WebElement panel = browser.waitForVisible(By.id("customer-panel"));
        assertThat(browser.driver().findElement(By.id("panel-orders")).getText())
                .contains(orderNumber)
                .contains("受注");
        assertThat(browser.driver().findElement(By.id("panel-email")).getText()).doesNotContain(email);
        assertThat(browser.driver().findElement(By.id("panel-notes")).getText()).contains("午前中の連絡を希望");
        assertThat(browser.driver().findElement(By.id("panel-claims")).getText())
                .contains("返品・保証の申請はありません。");
        assertThat(browser.driver().findElement(By.id("panel-csat")).getText()).contains("アンケートの回答はありません。");
        WebElement conversation = browser.driver().findElement(By.id("conversation"));
        assertThat(panel.getRect().getX())
                .as("the panel is a column right of the conversation")
                .isGreaterThan(
                        conversation.getRect().getX() + conversation.getRect().getWidth() - 1);
    }

    @Test
    void shouldInsertACannedResponseAndAnFaqLinkIntoTheReply() {
        String title = "お届け日のご案内 " + UUID.randomUUID().toString().substring(0, 6);
        long cannedId = canned.create(
                new CannedResponses.Draft(title, "{{customerName}} 様\nご注文 {{orderNumber}} について", null, "ja"), "admin");
        long article =
                faq.draft(new FaqArticles.ArticleDraft("お届け日の変更はできますか？", "発送前であれば変更できます。", Category.SHIPPING), "admin");
        faq.publish(article, "admin");
        String reference = open();
        browser.open("/console/inquiries/" + reference);

        browser.type(By.id("canned-filter"), title);
        Select picker = new Select(browser.driver().findElement(By.id("canned")));
        assertThat(picker.getOptions().stream().filter(WebElement::isEnabled).map(WebElement::getText))
                .as("the search keeps only the matching canned response")
                .singleElement()
                .asString()
                .startsWith(title);
        picker.selectByValue(String.valueOf(cannedId));
        browser.driver().findElement(By.id("use-canned")).click();
        browser.waitFor(d -> d.findElement(By.id("reply-body"))
                .getDomProperty("value")
                .equals("山田 花子 様\nご注文 " + orderNumber + " について"));

        WebElement suggestion = browser.waitForVisible(By.id("insert-faq-" + article));
        suggestion.click();

        String reply = browser.driver().findElement(By.id("reply-body")).getDomProperty("value");
        assertThat(reply)
                .startsWith("山田 花子 様\nご注文 " + orderNumber + " について")
                .contains("お届け日の変更はできますか？")
                .endsWith("/portal/faq#article-" + article);
        assertThat(browser.path()).isEqualTo("/console/inquiries/" + reference);
    }

    private CustomerId customerOf(String reference) {
        return new CustomerId(jdbc.sql("select customer_id from inquiry where reference = :r")
                .param("r", reference)
                .query(Long.class)
                .single());
    }

    private String open() {
        return api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "WEB_FORM",
                         "customer": {"email": "%s", "name": "山田 花子"},
                         "orderNumber": "%s",
                         "category": "SHIPPING",
                         "subject": "お届け日の変更について",
                         "body": "お届け日を12月1日に変更できますか。"}
                        """.formatted(
                                email, orderNumber)))
                .json()
                .get("reference")
                .asString();
    }
}
