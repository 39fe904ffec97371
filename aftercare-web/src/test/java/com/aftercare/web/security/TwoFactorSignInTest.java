package com.aftercare.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestTotp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Two-factor sign-in (TOTP, RFC 6238) as production has it: required of admins, optional for
 * others. Codes are computed here with the same algorithm an authenticator app uses, at the
 * application's own (test) clock.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
@TestPropertySource(properties = TestEnvironment.TWO_FACTOR_REQUIRED_FOR_ADMINS + "=true")
class TwoFactorSignInTest {

    private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldMakeANewAdminSetUpTheAppInTheBrowserAndThenAskForItsCodeAtEverySignIn() {
        String admin = TestOperators.create(operators, passwords, Operators.Role.ADMIN);
        browser.on(port);
        browser.fresh();

        browser.logIn(admin, TestOperators.PASSWORD);
        assertThat(browser.path()).isEqualTo("/login/enrol");
        browser.open("/console/admin/operators");
        assertThat(browser.path()).as("nothing opens before the second factor").isEqualTo("/login/enrol");
        assertThat(browser.driver().findElement(By.cssSelector("#qr svg")).isDisplayed())
                .isTrue();
        String secret = browser.driver().findElement(By.id("secret")).getText().replace(" ", "");

        browser.type(By.id("code"), "000000");
        browser.driver().findElement(By.id("confirm-setup")).click();
        assertThat(browser.waitForVisible(By.id("code-error")).getText()).contains("確認コードが正しくありません");

        browser.type(By.id("code"), code(secret, clock.instant()));
        browser.driver().findElement(By.id("confirm-setup")).click();
        // the answer is a new page: wait for it, not for whatever the old one still shows
        browser.waitForVisible(By.id("recovery-codes"));
        assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes li")))
                .hasSize(10);
        browser.driver().findElement(By.id("continue")).click();
        assertThat(browser.path()).isEqualTo("/console");

        browser.logOut();
        clock.advance(Duration.ofMinutes(5));
        browser.logIn(admin, TestOperators.PASSWORD);
        assertThat(browser.path()).isEqualTo("/login/code");
        browser.type(By.id("code"), code(secret, clock.instant()));
        browser.driver().findElement(By.id("verify-code")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/console"));
        assertThat(browser.text()).contains("ログアウト");
        assertThat(auditCount(admin, "operator.2fa-enabled")).isEqualTo(1);
    }

    @Test
    void shouldAcceptACodeOnceARecoveryCodeOnceAndLockTheAccountAfterWrongCodes() {
        String admin = TestOperators.create(operators, passwords, Operators.Role.ADMIN);
        clock.advance(Duration.ofMinutes(5));
        Enrolled enrolled = enrol(admin);

        // the code just used to set it up, a second time: refused (a code seen over a shoulder is spent)
        ConsoleClient replay = atCodeStep(admin);
        assertThat(submit(replay, enrolled.lastCode()).statusCode()).isEqualTo(400);

        clock.advance(Duration.ofMinutes(5));
        ConsoleClient next = atCodeStep(admin);
        assertThat(location(submit(next, code(enrolled.secret(), clock.instant()))))
                .isEqualTo("/console");
        assertThat(next.get("/console/admin/operators").statusCode()).isEqualTo(200);

        ConsoleClient lostPhone = atCodeStep(admin);
        assertThat(location(submit(lostPhone, enrolled.recoveryCodes().get(0)))).isEqualTo("/console");
        ConsoleClient again = atCodeStep(admin);
        assertThat(submit(again, enrolled.recoveryCodes().get(0)).statusCode())
                .as("a recovery code works once")
                .isEqualTo(400);
        assertThat(location(submit(again, enrolled.recoveryCodes().get(1).toUpperCase(Locale.ROOT))))
                .isEqualTo("/console");
        jdbc.sql("update operator set failed_logins = 0 where username = :u")
                .param("u", admin)
                .update();

        ConsoleClient guesser = atCodeStep(admin);
        for (int i = 0; i < 4; i++) {
            assertThat(submit(guesser, "123456").statusCode()).isEqualTo(400);
        }
        assertThat(location(submit(guesser, "123456"))).isEqualTo("/login?locked");
        assertThat(guesser.get("/console").statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void shouldLetAnOperatorChooseTwoFactorButNeverAnAdminTurnItOff() {
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        ConsoleClient client = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);
        assertThat(client.get("/console/account/two-factor").body()).contains("無効です");
        Enrolled enrolled = setUpFrom(client, "/console/account/two-factor/setup");
        assertThat(client.get("/console/account/two-factor").body()).contains("残りのリカバリーコード: 10 個");

        clock.advance(Duration.ofMinutes(5));
        ConsoleClient later = atCodeStep(operator);
        assertThat(location(submit(later, code(enrolled.secret(), clock.instant()))))
                .isEqualTo("/console");
        later.postForm("/console/account/two-factor", "/console/account/two-factor/disable", Map.of());
        assertThat(later.get("/console/account/two-factor").body()).contains("無効です");
        assertThat(ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD)
                        .get("/console")
                        .statusCode())
                .isEqualTo(200);

        String admin = TestOperators.create(operators, passwords, Operators.Role.ADMIN);
        Enrolled adminApp = enrol(admin);
        clock.advance(Duration.ofMinutes(5));
        ConsoleClient adminClient = atCodeStep(admin);
        assertThat(location(submit(adminClient, code(adminApp.secret(), clock.instant()))))
                .isEqualTo("/console");
        adminClient.postForm("/console/account/two-factor", "/console/account/two-factor/disable", Map.of());
        assertThat(adminClient.get("/console/account/two-factor").body()).contains("管理者は二段階認証を無効にできません");
        assertThat(jdbc.sql("select totp_enabled_at is not null from operator where username = :u")
                        .param("u", admin)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void shouldLetAnAdminResetALostPhoneSoTheOperatorSetsItUpAgain() {
        String admin = TestOperators.create(operators, passwords, Operators.Role.ADMIN);
        String other = TestOperators.create(operators, passwords, Operators.Role.ADMIN);
        clock.advance(Duration.ofMinutes(5));
        Enrolled mine = enrol(admin);
        enrol(other);
        clock.advance(Duration.ofMinutes(5));
        ConsoleClient adminClient = atCodeStep(admin);
        submit(adminClient, code(mine.secret(), clock.instant()));

        adminClient.postForm(
                "/console/admin/operators", "/console/admin/operators/" + other + "/two-factor/reset", Map.of());

        assertThat(auditCount(other, "operator.2fa-disabled")).isEqualTo(1);
        HttpResponse<String> signIn = new ConsoleClient(port)
                .postForm("/login", "/login", Map.of("username", other, "password", TestOperators.PASSWORD));
        assertThat(location(signIn)).as("an admin sets it up again").isEqualTo("/login/enrol");
    }

    private record Enrolled(String secret, String lastCode, List<String> recoveryCodes) {}

    /** Signs in with the password as a new admin and sets up the app, as the enrolment page asks. */
    private Enrolled enrol(String admin) {
        ConsoleClient client = new ConsoleClient(port);
        HttpResponse<String> signIn =
                client.postForm("/login", "/login", Map.of("username", admin, "password", TestOperators.PASSWORD));
        assertThat(location(signIn)).isEqualTo("/login/enrol");
        return setUpFrom(client, "/login/enrol");
    }

    private Enrolled setUpFrom(ConsoleClient client, String setupPage) {
        Matcher secret = SECRET.matcher(client.get(setupPage).body());
        assertThat(secret.find()).as("the key on " + setupPage).isTrue();
        String key = secret.group(1).replace(" ", "");
        String code = code(key, clock.instant());
        HttpResponse<String> done = client.postForm(setupPage, setupPage, Map.of("code", code));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        List<String> recovery = new ArrayList<>();
        Matcher codes = RECOVERY.matcher(done.body());
        while (codes.find()) {
            recovery.add(codes.group(1));
        }
        assertThat(recovery).hasSize(10);
        return new Enrolled(key, code, recovery);
    }

    private ConsoleClient atCodeStep(String username) {
        ConsoleClient client = new ConsoleClient(port);
        HttpResponse<String> signIn =
                client.postForm("/login", "/login", Map.of("username", username, "password", TestOperators.PASSWORD));
        assertThat(location(signIn)).isEqualTo("/login/code");
        assertThat(location(client.get("/console")))
                .as("the console waits for the code")
                .isEqualTo("/login/code");
        return client;
    }

    private static HttpResponse<String> submit(ConsoleClient client, String code) {
        return client.postForm("/login/code", "/login/code", Map.of("code", code));
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private long auditCount(String username, String action) {
        return jdbc.sql("select count(*) from audit_log where action = :a and target_id = :u")
                .param("a", action)
                .param("u", username)
                .query(Long.class)
                .single();
    }

    static String code(String base32Secret, Instant at) {
        return TestTotp.code(base32Secret, at);
    }
}
