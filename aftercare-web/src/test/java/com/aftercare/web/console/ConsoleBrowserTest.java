package com.aftercare.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console in a real headless Chromium: login, language, lockout, roles and API keys. */
@AftercareIntegrationTest
class ConsoleBrowserTest {

    private static final String ADMIN = "admin";
    private static final String PASSWORD = "correct-horse-battery-1";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void newVisitor() {
        browser.on(port);
        browser.fresh();
    }

    @Test
    void shouldLogInAsTheBootstrapAdminAndSeeTheConsoleInJapanese() {
        browser.open("/login");
        assertThat(browser.text()).contains("ログイン").contains("ユーザー名").contains("パスワード");

        browser.logIn(ADMIN, TestEnvironment.ADMIN_PASSWORD);

        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.text()).contains("Aftercare コンソールへようこそ").contains("ログアウト");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("ja");
    }

    @Test
    void shouldSwitchTheConsoleToEnglishAndKeepIt() {
        browser.logIn(ADMIN, TestEnvironment.ADMIN_PASSWORD);

        browser.driver().findElement(By.linkText("English")).click();
        browser.waitFor(d -> d.getPageSource().contains("Welcome to the Aftercare console"));
        browser.open("/console/admin/operators");

        assertThat(browser.text()).contains("New operator").contains("Log out").doesNotContain("ログアウト");
    }

    @Test
    void shouldShowTheErrorAndNotLogInAfterAWrongPassword() {
        browser.logIn(ADMIN, "not-the-password");

        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.text()).contains("ユーザー名またはパスワードが正しくありません。");
        browser.open("/console");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void shouldGiveAnUnknownUsernameTheSameMessageAsAWrongPassword() {
        browser.logIn(Events.unique("nobody").toLowerCase(), "whatever-password");

        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.text()).contains("ユーザー名またはパスワードが正しくありません。");
    }

    @Test
    void shouldLockAnOperatorAfterFiveFailedLoginsUntilAnAdminUnlocksIt() {
        String username = newOperator("ロック 確認", "OPERATOR");
        browser.logOut();
        assertThat(browser.text()).contains("ログアウトしました。");

        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.logIn(username, "wrong-password-" + attempt);
            assertThat(browser.path()).isEqualTo("/login?error");
        }
        browser.logIn(username, PASSWORD);
        assertThat(browser.path()).isEqualTo("/login?locked");
        assertThat(browser.text()).contains("アカウントはロックされています");

        browser.logIn(ADMIN, TestEnvironment.ADMIN_PASSWORD).open("/console/admin/operators");
        By row = By.id("operator-" + username);
        assertThat(browser.driver()
                        .findElement(row)
                        .findElement(By.className("locked"))
                        .getText())
                .contains("まで");
        browser.driver().findElement(row).findElement(By.className("unlock")).click();
        browser.waitForVisible(By.id("notice"));
        assertThat(browser.driver()
                        .findElement(row)
                        .findElement(By.className("locked"))
                        .getText())
                .isEqualTo("いいえ");
        browser.logOut();

        browser.logIn(username, PASSWORD);
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(auditActions(username)).contains("operator.created", "operator.locked", "operator.unlocked");
    }

    @Test
    void shouldForbidAnOperatorTheAdminPages() {
        String username = newOperator("一般 オペレーター", "OPERATOR");
        browser.logOut();
        browser.logIn(username, PASSWORD);
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.text()).doesNotContain("操作履歴");

        browser.open("/console/admin");

        assertThat(browser.driver().findElement(By.id("error-title")).getText()).isEqualTo("アクセスできません");
        assertThat(browser.text()).doesNotContain("Exception");
    }

    @Test
    void shouldIssueAKeyShowItOnceAndRevokeIt() {
        browser.logIn(ADMIN, TestEnvironment.ADMIN_PASSWORD).open("/console/admin/storefronts");
        String code = Events.unique("shop").toLowerCase();
        browser.type(By.id("code"), code).type(By.id("name"), "楽天市場店 " + code);
        browser.driver().findElement(By.id("create-storefront")).click();
        browser.waitForVisible(By.id("notice"));

        By section = By.id("storefront-" + code);
        // no key yet: said in words, with the next step, instead of an empty table
        assertThat(browser.driver().findElement(By.id("no-keys-" + code)).getText())
                .contains("このストアには API キーがまだありません。")
                .contains("「キーを発行」を押すと");
        browser.type(By.id("label-" + code), "受注連携");
        browser.driver()
                .findElement(section)
                .findElement(By.className("issue-key"))
                .click();
        String secret = browser.waitForVisible(By.id("secret")).getAttribute("value");
        assertThat(secret).startsWith("ak_");
        assertThat(browser.text()).contains("このキーは今しか表示されません");
        browser.driver().get(browser.driver().getCurrentUrl()); // opened again, e.g. from history
        assertThat(browser.path()).isEqualTo("/console/admin/storefronts");
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);

        Api api = new Api(port, secret);
        assertThat(api.get("/api/v1/orders/X").status()).isEqualTo(404);

        browser.open("/console/admin/storefronts");
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);
        browser.driver()
                .findElement(section)
                .findElement(By.className("revoke"))
                .click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.alertIsPresent())
                .accept();
        browser.waitFor(d -> !d.findElement(section)
                .findElement(By.className("revoked"))
                .getText()
                .equals("—"));

        assertThat(api.get("/api/v1/orders/X").status()).isEqualTo(401);
        assertThat(browser.path()).isEqualTo("/console/admin/storefronts");
        browser.open("/console/admin/audit");
        assertThat(browser.text())
                .contains("apikey.issued")
                .contains("apikey.revoked")
                .doesNotContain(secret);
    }

    @Test
    void shouldKeepAJapaneseDisplayNameIntact() {
        String username = newOperator("山田 花子", "SUPERVISOR");

        assertThat(browser.driver().findElement(By.id("operator-" + username)).getText())
                .contains("山田 花子");
        assertThat(jdbc.sql("select display_name from operator where username = :u")
                        .param("u", username)
                        .query(String.class)
                        .single())
                .isEqualTo("山田 花子");
    }

    /** Creates an operator through the admin page itself, as the logged-in bootstrap admin. */
    private String newOperator(String displayName, String role) {
        String username = Events.unique("op").toLowerCase();
        browser.logIn(ADMIN, TestEnvironment.ADMIN_PASSWORD).open("/console/admin/operators");
        browser.type(By.id("username"), username)
                .type(By.id("displayName"), displayName)
                .type(By.id("password"), PASSWORD);
        new Select(browser.driver().findElement(By.id("role"))).selectByValue(role);
        browser.driver().findElement(By.id("create-operator")).click();
        browser.waitForVisible(By.id("notice"));
        return username;
    }

    private java.util.List<String> auditActions(String username) {
        return jdbc.sql("select action from audit_log where target_type = 'operator' and target_id = :u order by id")
                .param("u", username)
                .query(String.class)
                .list();
    }
}
