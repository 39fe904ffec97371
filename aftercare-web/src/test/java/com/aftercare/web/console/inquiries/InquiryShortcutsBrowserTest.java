package com.aftercare.web.console.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The inquiry workspace's keyboard shortcuts and their ? overlay, in a real headless Chromium. */
@AftercareIntegrationTest
class InquiryShortcutsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
        browser.on(port);
        browser.fresh();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
    }

    @Test
    void shouldListTheShortcutsInJapaneseWhenQuestionMarkIsPressed() {
        browser.open("/console/inquiries/" + open());
        assertThat(browser.driver().findElement(By.id("shortcuts")).isDisplayed())
                .isFalse();

        press("?");

        String overlay = browser.waitForVisible(By.id("shortcuts")).getText();
        assertThat(overlay)
                .contains("キーボードショートカット")
                .contains("キューの次のお問い合わせ")
                .contains("返信を書く")
                .contains("解決済みにする")
                .contains("自分が担当する");
        browser.driver().findElement(By.id("shortcuts-close")).click();
        browser.waitFor(d -> !d.findElement(By.id("shortcuts")).isDisplayed());
    }

    @Test
    void shouldAssignToMeReplyAndResolveFromTheKeyboard() {
        String reference = open();
        browser.open("/console/inquiries/" + reference);

        press("a");
        browser.waitFor(d -> d.findElements(By.id("take")).isEmpty());
        assertThat(browser.driver().findElement(By.id("assignee")).getText()).isEqualTo("管理者");

        press("r");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("reply-body");

        // typing in the reply must not resolve nor walk away: the letters go into the text
        browser.driver().switchTo().activeElement().sendKeys("ejka");
        assertThat(browser.driver().findElement(By.id("reply-body")).getDomProperty("value"))
                .isEqualTo("ejka");
        assertThat(browser.path()).isEqualTo("/console/inquiries/" + reference);

        browser.driver().findElement(By.id("reply-body")).sendKeys(Keys.ESCAPE);
        browser.driver().findElement(By.tagName("h1")).click();
        press("e");
        browser.waitFor(d -> d.findElement(By.id("status")).getText().equals("解決済み"));
    }

    @Test
    void shouldWalkTheQueueAsItWasShownWithJAndK() {
        open();
        open();
        browser.open("/console/inquiries?filter=unassigned");
        List<String> queue = browser.driver().findElements(By.cssSelector("a[data-queue-item]")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(queue).hasSizeGreaterThanOrEqualTo(2);

        browser.open("/console/inquiries/" + queue.get(0));
        press("j");
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/inquiries/" + queue.get(1)));
        press("k");
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/inquiries/" + queue.get(0)));
    }

    private void press(String key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private String open() {
        Api.Answer answer =
                api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "WEB_FORM",
                         "customer": {"email": "%s", "name": "山田 花子"},
                         "category": "SHIPPING",
                         "subject": "お届け日の変更について",
                         "body": "12月1日の午前中に変更できますか。"}
                        """.formatted(
                                Events.unique("keys") + "@example.jp")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("reference").asString();
    }
}
