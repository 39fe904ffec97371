package com.aftercare.web.console.rules;

import static org.assertj.core.api.Assertions.assertThat;

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
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A supervisor writes a storefront's first automatic approval rule in the editor in a real headless
 * Chromium, tries it on the last 90 days of claims (the waiting return it matches would be
 * approved), and the next matching return is approved by the rule with no operator, as its page
 * says.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ClaimRulesBrowserTest {

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

    TestStorefront shop;
    Api api;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        shop = TestStorefronts.create(storefronts);
        api = new Api(port, shop.key());
        browser.on(port);
        browser.fresh();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
    }

    private String openReturn(TestOrder order) {
        return ClaimFixtures.openReturn(api, order, order.shirt(), 1)
                .json()
                .get("rma")
                .asString();
    }

    @Test
    void shouldWriteARuleTryItOnPastClaimsAndSeeTheNextReturnApprovedByIt() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String waiting = openReturn(order);
        assertThat(claims.byRma(waiting).orElseThrow().status())
                .as("no rule yet: an operator decides")
                .isEqualTo(ClaimStatus.REQUESTED);

        browser.open("/console/policies/rules?storefront=" + shop.id().value());
        assertThat(browser.driver().findElement(By.id("no-rules")).getText()).contains("まだルールがありません");
        browser.driver().findElement(By.id("new-rule")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/console/policies/rules/new"));
        browser.type(By.id("name"), "小額の返品は自動承認");
        browser.driver()
                .findElement(By.cssSelector("input[name=types][value=RETURN]"))
                .click();
        browser.type(By.id("maxAmountYen"), "5000");
        browser.type(By.id("maxDays"), "-3");
        new Select(browser.driver().findElement(By.id("signal"))).selectByVisibleText("兆候なし");
        new Select(browser.driver().findElement(By.id("action"))).selectByVisibleText("自動承認");
        browser.driver().findElement(By.id("save-rule")).click();
        assertThat(browser.waitForVisible(By.id("maxDays-error")).getText())
                .isEqualTo("日数は 0〜3650 日で、下限以上の値を入力してください。");
        screenshot("rule-form-error");

        browser.type(By.id("maxDays"), "7");
        browser.driver().findElement(By.id("save-rule")).click();
        browser.waitFor(d -> browser.path().startsWith("/console/policies/rules?storefront="));
        assertThat(browser.driver().findElement(By.id("notice")).getText()).isEqualTo("ルールを追加しました。");
        assertThat(browser.driver().findElement(By.id("rules")).getText())
                .contains("小額の返品は自動承認")
                .contains("種類：返品")
                .contains("金額：〜¥5,000")
                .contains("兆候：兆候なし")
                .contains("自動承認");
        screenshot("rules");

        browser.driver().findElement(By.id("dry-run")).click();
        browser.waitFor(d -> browser.path().startsWith("/console/policies/rules/dry-run"));
        By row = By.id("row-" + waiting);
        assertThat(browser.driver()
                        .findElement(row)
                        .findElement(By.className("would"))
                        .getText())
                .isEqualTo("自動承認");
        assertThat(browser.driver()
                        .findElement(row)
                        .findElement(By.className("rule"))
                        .getText())
                .isEqualTo("小額の返品は自動承認");
        assertThat(browser.driver().findElement(By.id("would-APPROVE")).getText())
                .isEqualTo("1");
        screenshot("dry-run");
        browser.driver().findElement(row).findElement(By.linkText(waiting)).click();
        browser.waitFor(d -> browser.path().equals("/console/claims/" + waiting));

        String approved = openReturn(ClaimFixtures.delivered(api, "CARD", false, "2025-11-23T11:00:00+09:00"));
        browser.open("/console/claims/" + approved);
        assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("承認済み");
        assertThat(browser.driver().findElement(By.id("rule-decision")).getText())
                .contains("自動承認")
                .contains("小額の返品は自動承認");
        assertThat(browser.driver().findElement(By.id("no-signals")).getText()).isEqualTo("不正の兆候はありません。");
        screenshot("claim");
    }

    /** Keeps a picture of the page under target/screenshots, to look at as a shop's operator would. */
    private static void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve("rules-" + name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
