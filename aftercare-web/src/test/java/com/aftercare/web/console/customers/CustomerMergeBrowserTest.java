package com.aftercare.web.console.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestStorefronts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A phone-only caller and the same person's later order, made one in real headless Chromium: the
 * call form without an email (refused without a phone too), the customer page that says no mail
 * reaches them, the merge page's search, preview and confirmation, the combined timeline. With
 * {@code -Dmerge.shots=/some/dir} it leaves screenshots of those screens for a person to look at.
 */
@AftercareIntegrationTest
class CustomerMergeBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldLogAPhoneOnlyCallerAndMergeTheirLaterOrderIntoThem() {
        TestStorefronts.TestStorefront shop = TestStorefronts.create(storefronts);
        String email = Events.unique("later") + "@example.jp";
        String orderNumber = Events.unique("B");
        new Api(port, shop.key()).postEvent(Events.placed(Events.unique("ev"), orderNumber, email));
        browser.on(port);
        browser.fresh();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);

        // the caller gives a name and a phone number, no email
        browser.open("/console/calls/new");
        browser.type(By.id("caller"), "鈴木 一郎");
        browser.type(By.id("customerName"), "鈴木 一郎");
        browser.type(By.id("summary"), "商品の使い方を知りたい");
        new Select(browser.driver().findElement(By.id("storefront")))
                .selectByValue(Long.toString(shop.id().value()));
        browser.driver().findElement(By.id("log-call")).click();
        browser.waitForVisible(By.id("customerEmail-error"));
        assertThat(browser.driver().findElement(By.id("customerPhone-error")).isDisplayed())
                .isTrue();
        shot("call-without-contact");
        browser.type(By.id("customerPhone"), "０８０－２２２２－３３３３");
        browser.driver().findElement(By.id("log-call")).click();
        browser.waitForVisible(By.id("no-email"));
        shot("inquiry-without-email");

        // the customer page, then the merge page: find the order's customer by their email
        browser.driver().findElement(By.id("customer-link")).click();
        browser.waitForVisible(By.id("merge-link"));
        assertThat(browser.driver().findElement(By.id("email")).getText()).doesNotContain("@");
        long caller = Long.parseLong(browser.path().replaceAll("\\D", ""));
        browser.driver().findElement(By.id("merge-link")).click();
        browser.type(By.id("merge-q"), email);
        browser.driver().findElement(By.id("merge-search-submit")).click();
        long buyer = jdbc.sql("select id from customer where email_normalized = :e")
                .param("e", email)
                .query(Long.class)
                .single();
        browser.waitForVisible(By.id("match-" + buyer)).click();
        browser.waitForVisible(By.id("merge-preview"));
        assertThat(browser.driver().findElement(By.id("moves-orders")).getText())
                .isEqualTo("1");
        shot("merge-preview");
        browser.driver().findElement(By.id("merge-confirm")).click();

        browser.waitForVisible(By.id("timeline"));
        assertThat(browser.path()).isEqualTo("/console/customers/" + caller);
        assertThat(browser.driver().findElement(By.id("timeline")).getText())
                .contains(orderNumber)
                .contains("#" + buyer);
        shot("timeline-after-merge");
    }

    private static void shot(String name) {
        String dir = System.getProperty("merge.shots");
        if (dir == null) {
            return;
        }
        try {
            Path target = Files.createDirectories(Path.of(dir)).resolve(name + ".png");
            Files.write(target, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
