package com.aftercare.web.console.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestOperators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The desk's pages in a real headless Chromium: logging a call in Japanese, the figures' charts, the nav by role. */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class DeskBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void newVisitor() {
        clock.setJst("2026-11-24T09:00");
        browser.on(port);
        browser.fresh();
    }

    @Test
    void shouldLogAPhoneCallFromTheNavigationAndShowItsCaller() {
        logInAndFollow(Operators.Role.OPERATOR, "nav-callbacks", "/console/callbacks");
        browser.driver().findElement(By.id("new-call")).click();
        browser.waitForVisible(By.id("caller"));
        String email = Events.unique("browser-call") + "@example.jp";
        browser.type(By.id("caller"), "山田 花子（ご本人）")
                .type(By.id("customerEmail"), email)
                .type(By.id("customerName"), "山田 花子")
                .type(By.id("summary"), "配送状況の確認\n明日届くか知りたい。");
        new Select(browser.driver().findElement(By.id("category"))).selectByValue("SHIPPING");
        browser.driver().findElement(By.id("log-call")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/console/inquiries/INQ-"));

        assertThat(browser.driver().findElement(By.id("phone-caller")).getText())
                .isEqualTo("山田 花子（ご本人）");
        assertThat(browser.text()).contains("電話をお問い合わせとして記録しました。").contains("配送状況の確認");
        assertThat(browser.driver().findElements(By.id("nav-figures"))).isEmpty();
        TestInquiries.closeAllOfCustomer(jdbc, email);
    }

    @Test
    void shouldDrawTheFiguresChartsWithoutAnyScript() {
        logInAndFollow(Operators.Role.SUPERVISOR, "nav-figures", "/console/figures");

        WebElement chart = browser.waitForVisible(By.cssSelector("svg.chart"));
        assertThat(chart.getSize().getWidth()).isGreaterThan(100);
        assertThat(browser.driver().findElements(By.cssSelector("svg.chart rect.column")))
                .isNotEmpty();
        assertThat(browser.driver().findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.text()).contains("初回応答（中央値／平均）").contains("チャネル別");
    }

    @Test
    void shouldMarkACallbackMadeFromTheCallbacksList() {
        String email = Events.unique("browser-callback") + "@example.jp";
        logInAndFollow(Operators.Role.OPERATOR, "nav-callbacks", "/console/callbacks");
        browser.driver().findElement(By.id("new-call")).click();
        browser.waitForVisible(By.id("caller"));
        browser.type(By.id("caller"), "山田 花子（ご本人）")
                .type(By.id("customerEmail"), email)
                .type(By.id("customerName"), "山田 花子")
                .type(By.id("summary"), "返品の送り先を確認したい。折り返し希望。");
        new Select(browser.driver().findElement(By.id("category"))).selectByValue("RETURN");
        browser.driver().findElement(By.name("callbackWanted")).click();
        // typed as the console prints times, whatever the browser's locale
        browser.type(By.id("callbackAt"), "2026-11-24 14:00");
        browser.driver().findElement(By.id("log-call")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/console/inquiries/INQ-"));
        String reference = browser.path().substring(browser.path().lastIndexOf('/') + 1);

        browser.open("/console/callbacks");
        WebElement done = browser.waitForVisible(By.id("callback-done-" + reference));
        browser.screenshot("callbacks-list");
        done.click();
        browser.waitForVisible(By.id("notice"));

        assertThat(browser.text()).contains("折り返し電話を済みにしました。");
        assertThat(browser.driver().findElements(By.id("callback-" + reference)))
                .isEmpty();
        browser.screenshot("callbacks-after-done");
        TestInquiries.closeAllOfCustomer(jdbc, email);
    }

    /** A new console user of the role logs in and follows a link of the navigation bar. */
    private void logInAndFollow(Operators.Role role, String link, String path) {
        browser.logIn(TestOperators.create(operators, passwords, role), TestOperators.PASSWORD);
        browser.driver().findElement(By.id(link)).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith(path));
    }
}
