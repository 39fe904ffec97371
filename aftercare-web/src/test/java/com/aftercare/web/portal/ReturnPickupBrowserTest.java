package com.aftercare.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.Claims;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A return with a pick-up (集荷) end to end in real headless Chromium: a supervisor sets up the
 * return address (a bad postal code first) and a non-working day; the customer asks for a return of
 * a faulty mug and sees where it will go; the operator approves and asks for it; the customer sees
 * the address and the slip, tries a non-working day, books a pick-up; the operator downloads the
 * carrier file; the customer enters a malformed tracking number, then the right one; the operator
 * sees it in transit, receives, inspects and refunds; the customer sees it received; and the usage
 * tips mail that follows leaves the returned mug out. Today is 25 November 2025 (JST); the 27th
 * is a non-working day.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ReturnPickupBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Claims claims;

    @Autowired
    TestClock clock;

    @Autowired
    StepMailScheduler scheduler;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldCarryAReturnWithAPickupFromTheRequestToTheRefund() throws Exception {
        clock.setJst("2025-11-25T10:00");
        TestStorefront storefront = TestStorefronts.create(storefronts);
        Api api = new Api(port, storefront.key());
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        browser.on(port);
        browser.fresh();

        // a supervisor sets up where returns go, and a day without pick-ups
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
        browser.open("/console/returns/settings?storefront=" + storefront.id().value());
        browser.type(By.id("label"), "東京倉庫");
        browser.type(By.id("recipient"), "こもれび 返品係");
        browser.type(By.id("postalCode"), "135-006");
        browser.type(By.id("address"), "東京都江東区豊洲3-2-20 倉庫棟2F");
        browser.type(By.id("phone"), "03-1234-5678");
        browser.driver().findElement(By.id("add-address")).click();
        assertThat(browser.waitForVisible(By.id("postalCode-error")).getText()).contains("123-4567");
        browser.type(By.id("postalCode"), "135-0061");
        browser.driver().findElement(By.id("add-address")).click();
        browser.waitFor(d -> d.findElement(By.id("notice")).getText().equals("返送先を追加しました。"));
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('day').value = '2025-11-27'");
        browser.driver().findElement(By.id("close-day")).click();
        browser.waitFor(d -> d.findElement(By.id("notice")).getText().equals("休業日にしました。"));
        assertThat(browser.driver().findElement(By.id("closed-days")).getText()).contains("2025-11-27");
        screenshot("console-return-settings");
        // and the usage tips the step mail sends a week after delivery, for both products
        tip(order.shirt(), "シャツは裏返して洗ってください。");
        tip(order.mug(), "マグは電子レンジでもお使いいただけます。");
        browser.logOut();

        // the customer asks for the return of a faulty mug
        browser.open("/portal");
        browser.type(By.id("orderNumber"), order.number());
        browser.type(By.id("contact"), order.email());
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitForVisible(By.id("start-RETURN")).click();
        new Select(browser.waitForVisible(By.id("reason-choice"))).selectByValue("DEFECTIVE");
        browser.driver().findElement(By.cssSelector("#reason-form button")).click();
        browser.waitForVisible(By.id("quantity-2"));
        browser.type(By.id("quantity-2"), "1");
        browser.driver().findElement(By.id("submit-claim")).click();
        String rma = browser.waitForVisible(By.id("rma")).getText();
        String claimPage = browser.path();
        assertThat(browser.driver().findElement(By.id("return-state")).getText())
                .isEqualTo("承認をお待ちください");
        assertThat(browser.driver().findElement(By.id("return-address")).getText())
                .contains("〒135-0061 東京都江東区豊洲3-2-20 倉庫棟2F");
        assertThat(browser.driver().findElements(By.id("pickup-form"))).isEmpty();

        // the operator approves it and asks for the item
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
        browser.open("/console/claims/" + rma);
        consoleStep("approve", "承認し、お客様にお知らせしました。");
        consoleStep("await-item", "お客様に返送をお願いしました。");
        browser.logOut();

        // the customer sees the address and the slip, and books a pick-up
        browser.open(claimPage);
        assertThat(browser.waitForVisible(By.id("return-method")).getText()).contains("着払い");
        String slip = browser.driver().findElement(By.id("return-slip")).getAttribute("href");
        assertThat(slip).contains("/portal/claims/" + rma + "/slip.pdf");
        assertThat(new Select(browser.driver().findElement(By.id("pickupDate"))).getOptions())
                .extracting(o -> o.getAttribute("value"))
                .startsWith("2025-11-26", "2025-11-28")
                .doesNotContain("2025-11-27");
        screenshot("portal-return-pickup");
        // a day the calendar closed, as a stale page or a forged form would send it
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.querySelector('#pickupDate option').value = '2025-11-27'");
        browser.driver().findElement(By.id("book-pickup")).click();
        assertThat(browser.waitForVisible(By.id("pickupDate-error")).getText())
                .isEqualTo("その日は集荷を承っておりません。別の日をお選びください。");
        new Select(browser.driver().findElement(By.id("pickupDate"))).selectByValue("2025-11-28");
        new Select(browser.driver().findElement(By.id("pickupSlot"))).selectByValue("H14_16");
        browser.driver().findElement(By.id("book-pickup")).click();
        browser.waitFor(d -> d.findElement(By.id("notice")).getText().equals("集荷のご予約を承りました。"));
        assertThat(browser.driver().findElement(By.id("return-state")).getText())
                .isEqualTo("集荷のご予約済み");
        assertThat(browser.driver().findElement(By.id("pickup-booked")).getText())
                .contains("14〜16時");

        // the operator downloads the carrier file (B2クラウド, Shift_JIS) for the slip printer
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
        browser.open("/console/returns?storefront=" + storefront.id().value());
        assertThat(browser.driver().findElement(By.id("return-" + rma)).getText())
                .contains("次回出力");
        screenshot("console-returns");
        String file = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('export-form');
                fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
                  .then(r => r.arrayBuffer())
                  .then(b => done(new TextDecoder('shift_jis').decode(b)));
                """);
        assertThat(file)
                .startsWith("お客様管理番号,送り状種類")
                .contains(rma + ",5,0,,2025/11/28")
                .contains("集荷 2025-11-28 14-16");
        browser.logOut();

        // the customer enters the tracking number from the carrier's slip
        browser.open(claimPage);
        browser.type(By.id("trackingNumber"), "12-34");
        browser.driver().findElement(By.id("save-tracking")).click();
        assertThat(browser.waitForVisible(By.id("trackingNumber-error")).getText())
                .contains("10〜14桁の数字");
        browser.type(By.id("trackingNumber"), "1234-5678-9012");
        browser.driver().findElement(By.id("save-tracking")).click();
        browser.waitFor(d -> d.findElement(By.id("notice")).getText().contains("伝票番号を登録しました"));
        assertThat(browser.driver().findElement(By.id("return-state")).getText())
                .isEqualTo("当店へ配送中");

        // the operator sees it in transit, receives it and refunds
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
        browser.open("/console/claims/" + rma);
        assertThat(browser.driver().findElement(By.id("return-state")).getText())
                .isEqualTo("当店へ配送中");
        assertThat(browser.driver().findElement(By.id("return-tracking")).getText())
                .contains("123456789012");
        screenshot("console-claim-in-transit");
        consoleStep("receive", "受け取り済みにしました。");
        assertThat(browser.driver().findElement(By.id("return-state")).getText())
                .isEqualTo("当店で受け取りました");
        browser.type(By.id("inspect-note"), "初期不良を確認");
        consoleStep("inspect", "検品結果を記録しました。");
        browser.type(By.id("restockingPercent"), "0");
        browser.type(By.id("returnShipping"), "0");
        consoleStep("refund", "返金を記録し、お客様にお知らせしました。");
        assertThat(claims.byRma(rma).orElseThrow().status()).isEqualTo(ClaimStatus.REFUNDED);
        browser.logOut();

        browser.open(claimPage);
        assertThat(browser.waitForVisible(By.id("return-state")).getText()).isEqualTo("当店で受け取りました");
        assertThat(browser.driver().findElement(By.id("claim-status")).getText())
                .isEqualTo("返金済み");
        assertThat(browser.driver().findElements(By.id("tracking-form"))).isEmpty();

        // a week after delivery the usage tips go out, for the shirt the customer kept only
        ClaimFixtures.awaitOutcomeHeard(jdbc, rma);
        clock.setJst("2025-11-28T10:00");
        while (scheduler.runDue() > 0) {
            // rounds until nothing is due
        }
        while (dispatcher.dispatchDue() > 0) {
            // send everything queued
        }
        assertThat(TestMailServer.receivedBy(order.email()).stream()
                        .filter(m -> TestMailServer.subjectOf(m).contains("スタッフおすすめ"))
                        .map(TestMailServer::textOf))
                .singleElement()
                .asString()
                .contains("シャツは裏返して洗ってください。")
                .doesNotContain("マグは電子レンジ");
    }

    private void tip(String sku, String text) {
        browser.open("/console/stepmail/tips");
        browser.type(By.id("sku"), sku);
        browser.type(By.id("tips"), text);
        browser.driver().findElement(By.id("save-tip")).click();
        browser.waitFor(d -> d.findElement(By.id("notice")).getText().equals("ヒントを保存しました。"));
    }

    private void consoleStep(String button, String notice) {
        browser.driver().findElement(By.id(button)).click();
        browser.waitFor(d -> d.findElement(By.id("notice")).getText().equals(notice));
    }

    /** For a look at the screens (target/screenshots), as an operator or a customer sees them. */
    private static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ((JavascriptExecutor) browser.driver()).executeScript("document.body.style.zoom = '1'");
        byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }
}
