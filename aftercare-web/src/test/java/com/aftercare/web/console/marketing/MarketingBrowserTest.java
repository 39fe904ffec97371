package com.aftercare.web.console.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The marketing pages in a real headless Chromium, as a supervisor uses them. */
@AftercareIntegrationTest
class MarketingBrowserTest {

    private static final String PASSWORD = "marketing-browser-1";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Storefronts storefronts;

    String supervisor;

    @BeforeEach
    void supervisorSignsIn() {
        supervisor = Events.unique("sv");
        operators.create(supervisor, encoder.encode(PASSWORD), "販促 担当", Operators.Role.SUPERVISOR);
        browser.on(port);
        browser.fresh();
        browser.logIn(supervisor, PASSWORD);
    }

    @Test
    void shouldCreateACouponCampaignFromTheConsoleBar() {
        String name = Events.unique("ブラウザ");

        browser.driver().findElement(By.id("nav-marketing")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/marketing/coupons"));
        browser.type(By.id("name"), name);
        browser.type(By.id("discountValue"), "15");
        browser.type(By.id("validDays"), "30");
        browser.driver().findElement(By.id("create-campaign")).click();

        browser.waitForVisible(By.id("notice"));
        assertThat(browser.text()).contains("キャンペーンを作成しました。");
        String row = browser.driver()
                .findElement(By.xpath("//table[@id='campaigns']//tr[td[1][text()='" + name + "']]"))
                .getText();
        assertThat(row).contains("15%").contains("発行から 30 日").contains("0.0%");
    }

    @Test
    void shouldPreviewANewsletterWithItsRecipientCount() {
        composeForAShopWithOneConsentingCustomer("年末のご挨拶");
        browser.driver().findElement(By.id("preview")).click();

        assertThat(browser.waitForVisible(By.id("recipient-count")).getText()).isEqualTo("現時点の配信対象：1 人");
        assertThat(browser.driver().findElement(By.id("sample-text")).getText())
                .contains("山田 花子 様")
                .contains("配信の停止はこちら");
    }

    @Test
    void shouldCancelAScheduledNewsletterAfterAskingFirst() {
        String subject = Events.unique("取消テスト");
        composeForAShopWithOneConsentingCustomer(subject);
        new Select(browser.driver().findElement(By.id("overCap"))).selectByValue("POSTPONE");
        // typed as the console prints times, whatever the browser's locale
        browser.type(
                By.id("sendAt"),
                LocalDateTime.now(ZoneId.of("Asia/Tokyo"))
                        .plusDays(2)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        browser.driver().findElement(By.id("schedule")).click();
        browser.waitForVisible(By.id("notice"));
        By row = By.xpath("//table[@id='newsletters']//tr[td[1][text()='" + subject + "']]");
        assertThat(browser.driver().findElement(row).getText()).contains("予約済み").contains("空きのある日に延期");

        browser.driver().findElement(row).findElement(By.tagName("button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.alertIsPresent())
                .accept();

        browser.waitFor(d -> d.findElement(row).getText().contains("取り消し"));
        assertThat(browser.text()).contains("メルマガの配信を取り消しました。");
        assertThat(browser.driver().findElement(row).findElements(By.tagName("button")))
                .as("nothing left to cancel")
                .isEmpty();
    }

    /** Opens the compose form with the subject and, as the segment, a new shop with one consenting customer. */
    private void composeForAShopWithOneConsentingCustomer(String subject) {
        TestStorefront shop = TestStorefronts.create(storefronts);
        new Api(port, shop.key())
                .postEvent(Events.placedWithConsent(
                        Events.unique("evt"), Events.unique("B"), Events.unique("browser") + "@example.jp"));
        browser.open("/console/marketing/newsletters");
        browser.type(By.id("subject"), subject);
        new Select(browser.driver().findElement(By.id("storefrontId")))
                .selectByValue(String.valueOf(shop.id().value()));
    }
}
