package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ClaimScene;
import com.aftercare.web.support.ClaimScenes;
import com.aftercare.web.support.FakeStockCallback;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer in real headless Chromium asks for an exchange of a shirt whose sizes the storefront
 * named: the sizes come with the stock the (fake, signature-checking) stock callback gives, the
 * one chosen shows on the console's claim page; and when every size is out of stock the customer
 * takes store credit instead. Screenshots of the form (phone and desktop) go to
 * {@code target/screenshots} for a person to look at.
 */
@AftercareIntegrationTest
@Import({TestClock.Configuration.class, ClaimScenes.class})
class PortalExchangeBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    ClaimScenes scenes;

    @Autowired
    JdbcClient jdbc;

    ClaimScene scene;
    FakeStockCallback stock;

    @BeforeEach
    void setUp() {
        scene = scenes.today(port);
        stock = scenes.stockCallbackOf(scene);
        browser.on(port);
        browser.fresh();
    }

    @AfterEach
    void tearDown() {
        stock.close();
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    /** From the lookup to the exchange form, as the customer goes. */
    void openExchangeFormOf(TestOrder order) {
        browser.open("/portal");
        browser.type(By.id("orderNumber"), order.number());
        browser.type(By.id("contact"), order.email());
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitForVisible(By.id("start-EXCHANGE")).click();
        browser.waitForVisible(By.id("quantity-1"));
        WebElement quantity = browser.driver().findElement(By.id("quantity-1"));
        quantity.clear();
        quantity.sendKeys("1");
    }

    void screenshot(String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        for (Dimension size : new Dimension[] {new Dimension(390, 1600), new Dimension(1280, 1200)}) {
            browser.driver().manage().window().setSize(size);
            byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
            Files.write(folder.resolve(name + "-" + size.getWidth() + ".png"), png);
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    WebElement option(String sku) {
        return browser.driver().findElement(By.cssSelector("input[name='variant[1]'][value='" + sku + "']"));
    }

    @Test
    void shouldLetACustomerChooseAVariantInStockAndShowTheChoiceInTheConsole() throws IOException {
        TestOrder order = scene.orderOfMediumShirt(jdbc);
        stock.stock(scene.shirt("L"), true, scene.shirt("S"), false);

        openExchangeFormOf(order);
        screenshot("exchange-choices");

        WebElement choices = browser.driver().findElement(By.id("variants-1"));
        assertThat(choices.getText())
                .contains("サイズ: L / カラー: ネイビー")
                .contains("在庫あり")
                .contains("在庫切れ")
                .contains("在庫確認中");
        assertThat(option(scene.shirt("S")).isEnabled()).isFalse();
        option(scene.shirt("L")).click();
        browser.driver().findElement(By.id("submit-claim")).click();

        String rma = browser.waitForVisible(By.id("rma")).getText();
        assertThat(rma).matches("RMA-2025-\\d{6,}");
        browser.fresh();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
        browser.open("/console/claims/" + rma);
        assertThat(browser.waitForVisible(By.tagName("main")).getText()).contains(scene.shirt("L"));
    }

    @Test
    void shouldLetACustomerTakeStoreCreditWhenEverySizeIsOutOfStock() throws IOException {
        TestOrder order = scene.orderOfMediumShirt(jdbc);
        stock.stock(scene.shirt("S"), false, scene.shirt("M"), false, scene.shirt("L"), false);

        openExchangeFormOf(order);
        assertThat(browser.driver().findElements(By.cssSelector("input[name='variant[1]']")))
                .hasSize(3)
                .noneMatch(WebElement::isEnabled);
        browser.driver().findElement(By.id("instead-STORE_CREDIT")).click();
        screenshot("exchange-all-out-of-stock");
        browser.driver().findElement(By.id("submit-claim")).click();

        browser.waitForVisible(By.id("rma"));
        assertThat(browser.text()).contains("返品").contains("ストアクレジット");
    }
}
