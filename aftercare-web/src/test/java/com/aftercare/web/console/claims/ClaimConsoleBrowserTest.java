package com.aftercare.web.console.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.Claims;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An operator carries a storefront's return request to its refund in a real headless Chromium:
 * from the queue, step by step, a refund with a restocking fee, and a mail to the customer for
 * every step.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ClaimConsoleBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Claims claims;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        api = new Api(port, TestStorefronts.create(storefronts).key());
        browser.on(port);
        browser.fresh();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
    }

    @Test
    void shouldApproveAndRefundAReturnFromTheQueue() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = api.postJson("/api/v1/returns", """
                        {"orderNumber": "%s", "type": "RETURN", "reason": "SIZE",
                         "lines": [{"sku": "%s", "quantity": 2}]}""".formatted(order.number(), order.shirt()))
                .json()
                .get("rma")
                .asString();

        browser.driver().findElement(By.id("nav-claims")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/claims"));
        // the whole suite's claims share the queue: search for this order's
        browser.type(By.id("q"), order.number());
        browser.driver().findElement(By.id("search-button")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("q=" + order.number()));
        By row = By.id("claim-" + rma);
        assertThat(browser.driver().findElement(row).getText())
                .contains("返品")
                .contains("受付")
                .contains("山田 花子");
        browser.driver().findElement(row).findElement(By.linkText(rma)).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/claims/" + rma));

        step("approve", "承認し、お客様にお知らせしました。", "承認済み");
        step("await-item", "お客様に返送をお願いしました。", "返送待ち");
        step("receive", "受け取り済みにしました。", "受け取り済み");
        browser.type(By.id("inspect-note"), "未使用・タグ付き");
        step("inspect", "検品結果を記録しました。", "検品済み");

        browser.type(By.id("restockingPercent"), "10");
        browser.type(By.id("returnShipping"), "0");
        step("refund", "返金を記録し、お客様にお知らせしました。", "返金済み");

        assertThat(browser.driver().findElement(By.id("refund-total")).getText())
                .isEqualTo("¥3,240");
        assertThat(browser.driver().findElement(By.id("history")).getText())
                .contains("未使用・タグ付き")
                .contains("管理者");
        assertThat(claims.byRma(rma).orElseThrow().status()).isEqualTo(ClaimStatus.REFUNDED);
        dispatcher.dispatchDue();
        assertThat(TestMailServer.subjectsTo(order.email()))
                .filteredOn(s -> s.contains(rma))
                .hasSize(6)
                .last()
                .asString()
                .contains("ご返金の手続きが完了しました");
    }

    @Test
    void shouldKeepTheFormAndShowAFieldMessageWhenTheRejectionHasNoReason() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = api.postJson("/api/v1/returns", """
                        {"orderNumber": "%s", "type": "RETURN", "reason": "OTHER",
                         "lines": [{"sku": "%s", "quantity": 1}]}""".formatted(order.number(), order.mug()))
                .json()
                .get("rma")
                .asString();
        browser.open("/console/claims/" + rma);

        browser.driver().findElement(By.id("reject")).click();

        assertThat(browser.waitForVisible(By.id("reject-reason-error")).getText())
                .isNotBlank();
        assertThat(claims.byRma(rma).orElseThrow().status()).isEqualTo(ClaimStatus.REQUESTED);
    }

    /** Clicks a step's button and waits for the page after it (its notice, not the previous one's). */
    private void step(String button, String notice, String status) {
        browser.driver().findElement(By.id(button)).click();
        browser.waitFor(d -> d.findElement(By.id("notice")).getText().equals(notice));
        assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo(status);
    }
}
