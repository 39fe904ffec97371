package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A customer in real headless Chromium: finds the order, asks for an exchange with a photo, sees the RMA and status. */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class PortalClaimBrowserTest {

    /** A 1×1 PNG, a real image the browser can show as a thumbnail. */
    static final String PIXEL =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void shouldLetACustomerFindTheOrderRequestAnExchangeWithAPhotoAndFollowIt() throws Exception {
        clock.setJst("2025-11-25T10:00");
        Api api = new Api(port, TestStorefronts.create(storefronts).key());
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        ClaimFixtures.policy(jdbc, order.shirt(), "return_window_days, exchange_allowed", "30, true");
        Path photo = Files.createTempFile("shirt", ".png");
        Files.write(photo, Base64.getDecoder().decode(PIXEL));
        browser.on(port);
        browser.fresh();

        browser.open("/portal");
        browser.type(By.id("orderNumber"), order.number());
        browser.type(By.id("contact"), order.email());
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitForVisible(By.id("start-EXCHANGE")).click();
        browser.waitForVisible(By.id("quantity-1"));
        assertThat(browser.text()).contains("交換のお申し込み").contains("2025-12-20までお申し込みいただけます");
        WebElement quantity = browser.driver().findElement(By.id("quantity-1"));
        quantity.clear();
        quantity.sendKeys("1");
        browser.type(By.id("variant-1"), "Lサイズ");
        browser.driver()
                .findElement(By.id("photos"))
                .sendKeys(photo.toAbsolutePath().toString());
        browser.driver().findElement(By.id("submit-claim")).click();

        String rma = browser.waitForVisible(By.id("rma")).getText();
        assertThat(rma).matches("RMA-2025-\\d{6,}");
        assertThat(browser.driver().findElement(By.id("claim-status")).getText())
                .isEqualTo("受付済み");
        assertThat(browser.driver().findElement(By.id("notice")).getText()).contains("お申し込みを受け付けました");
        WebElement thumbnail = browser.driver().findElement(By.cssSelector("#photos img.thumb"));
        browser.waitFor(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail)));

        browser.driver().findElement(By.id("back-to-order")).click();
        assertThat(browser.waitForVisible(By.id("claims")).getText())
                .contains(rma)
                .contains("交換")
                .contains("受付済み");
    }
}
