package com.aftercare.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.order.PortalOrderLinks;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's left navigation and the portal's header in a real headless Chromium: each role
 * sees only what it may open, the page shown is marked, and the portal is the storefront's, with
 * no way into the staff login. With {@code -Dlayout.shots=/some/dir} it also leaves screenshots
 * (1366x900) of the pages it visits there, for a person to look at.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ConsoleLayoutBrowserTest {

    private static final List<String> ADMIN_ITEMS =
            List.of("nav-operators", "nav-storefronts", "nav-audit", "nav-privacy", "nav-delivery-log", "nav-imports");
    private static final List<String> SUPERVISOR_ITEMS =
            List.of("nav-teams", "nav-rules", "nav-policies", "nav-stepmail", "nav-mail-templates", "nav-figures");
    private static final List<String> EVERYONE_ITEMS =
            List.of("nav-home", "nav-inquiries", "nav-callbacks", "nav-claims", "nav-search", "nav-packing");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Orders orders;

    @Autowired
    PortalOrderLinks links;

    @Autowired
    TestClock clock;

    @BeforeEach
    void setUp() {
        // a claim within the return window of the orders below, which were delivered on 2025-11-21
        clock.setJst("2025-11-25T10:00");
        browser.on(port);
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.fresh();
    }

    @Test
    void shouldShowAnOperatorTheDailyWorkWithoutTheSettingsAndMarkTheCurrentPage() {
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        browser.logIn(operator, TestOperators.PASSWORD);
        browser.open("/console");

        assertThat(navIds()).containsAll(EVERYONE_ITEMS).doesNotContainAnyElementsOf(ADMIN_ITEMS);
        assertThat(navIds()).doesNotContainAnyElementsOf(SUPERVISOR_ITEMS);
        assertThat(browser.driver().findElements(By.id("nav-group-settings"))).isEmpty();
        assertThat(current()).containsExactly("nav-home");
        shot("home-operator");

        browser.driver().findElement(By.id("nav-inquiries")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/console/inquiries"));
        assertThat(current()).containsExactly("nav-inquiries");
    }

    @Test
    void shouldOfferAnOperatorOnlyPagesTheSecurityRulesLetThemOpen() {
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        browser.logIn(operator, TestOperators.PASSWORD);
        browser.open("/console");
        List<String> hrefs = browser.driver().findElements(By.cssSelector("#console-nav a")).stream()
                .map(a -> a.getDomAttribute("href"))
                .toList();

        ConsoleClient client = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);
        assertThat(hrefs)
                .isNotEmpty()
                .allSatisfy(href ->
                        assertThat(client.get(href).statusCode()).as(href).isEqualTo(200));
    }

    @Test
    void shouldShowAnAdminTheSettingsGroupAndMarkTheClaimFiguresAsFiguresNotClaims() {
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
        browser.open("/console");

        assertThat(navIds())
                .containsAll(EVERYONE_ITEMS)
                .containsAll(SUPERVISOR_ITEMS)
                .containsAll(ADMIN_ITEMS);
        shot("home-admin");

        browser.open("/console/inquiries");
        assertThat(current()).containsExactly("nav-inquiries");
        shot("inquiries");

        browser.open("/console/claims/figures");
        assertThat(current()).containsExactly("nav-claim-figures");
        shot("claim-figures");

        browser.open("/console/admin/storefronts");
        assertThat(current()).containsExactly("nav-storefronts");
        shot("storefronts");

        browser.open("/console/figures");
        // typed as the shop reads dates, not drawn in the browser's locale (this one is en-US)
        WebElement from = browser.driver().findElement(By.id("from"));
        assertThat(from.getDomAttribute("type")).isEqualTo("text");
        assertThat(from.getDomProperty("value")).matches("\\d{4}-\\d{2}-\\d{2}");
        shot("figures");
    }

    @Test
    void shouldSayWhatToDoNextWhereAStorefrontHasNoFiguresYet() {
        long quiet = TestStorefronts.create(storefronts).id().value();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);

        browser.open("/console/figures?storefront=" + quiet);
        assertThat(browser.driver().findElement(By.id("per-operator-empty")).getText())
                .contains("担当者のついたお問い合わせはありません");
        assertThat(browser.driver().findElements(By.id("per-operator"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("svg[aria-label='担当者別']")))
                .isEmpty();

        browser.open("/console/claims/figures?storefront=" + quiet);
        WebElement refunds = browser.driver().findElement(By.id("refunds-empty"));
        assertThat(refunds.getText()).contains("返金はありません");
        assertThat(refunds.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("/console/claims");
        assertThat(browser.driver().findElements(By.id("refunds"))).isEmpty();
        shot("claim-figures-empty");
    }

    @Test
    void shouldFitTheQueueOnALaptopScreenWithEachDueTimeUnderItsBadge() {
        TestStorefront storefront = TestStorefronts.create(storefronts);
        Api api = new Api(port, storefront.key());
        for (String channel : List.of("WEB_FORM", "EMAIL")) {
            Api.Answer answer =
                    api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                            {"channel": "%s", "customer": {"email": "%s@example.jp", "name": "長谷川 由紀子"},
                             "subject": "届いたマグカップの取っ手にひびが入っていました。交換していただけますか（注文番号 R-20261206-0001）",
                             "body": "写真を添付します。"}
                            """.formatted(
                                    channel, Events.unique("fit"))));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);

        browser.open("/console/inquiries?storefront=" + storefront.id().value());

        Object overflow = ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const w = document.querySelector('.table-wrap');" + " return w.scrollWidth - w.clientWidth;");
        assertThat(((Number) overflow).longValue())
                .as("pixels the queue runs past its frame")
                .isLessThanOrEqualTo(0);
        List<WebElement> due = browser.driver().findElements(By.cssSelector("#queue-body td.sla .due"));
        assertThat(due)
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        shot("queue");
    }

    @Test
    void shouldWrapTheLineFirstReplysDefaultTextInsteadOfWideningThePage() {
        long storefront = TestStorefronts.create(storefronts).id().value();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);

        browser.open("/console/admin/storefronts/" + storefront + "/line");

        assertThat(browser.driver().findElement(By.id("first-reply-default")).getText())
                .contains("http");
        Object overflow = ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue())
                .as("pixels the page runs past the window")
                .isLessThanOrEqualTo(0);
    }

    @Test
    void shouldShowAClaimInsideTheConsoleLayout() {
        Api api = new Api(port, TestStorefronts.create(storefronts).key());
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = api.postJson("/api/v1/returns", """
                        {"orderNumber": "%s", "type": "RETURN", "reason": "SIZE",
                         "lines": [{"sku": "%s", "quantity": 1}]}""".formatted(order.number(), order.shirt()))
                .json()
                .get("rma")
                .asString();
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD);
        browser.open("/console/claims/" + rma);

        assertThat(current()).containsExactly("nav-claims");
        shot("claim");
    }

    @Test
    void shouldBrandThePortalAsTheStorefrontAndLeadBackToItsShopNotToTheStaffLogin() {
        TestStorefront storefront = TestStorefronts.create(storefronts);
        storefronts.brand(storefront.id(), "https://shop.example.jp/", null, "admin");
        TestOrder order =
                ClaimFixtures.delivered(new Api(port, storefront.key()), "CARD", false, "2025-11-21T11:00:00+09:00");
        OrderView view =
                orders.findByNumberAndContact(order.number(), order.email()).orElseThrow();

        browser.open(links.pathFor(links.tokenFor(view.id(), PortalOrderLinks.LOOKUP_VALIDITY)));

        WebElement brand = browser.driver().findElement(By.id("portal-brand"));
        assertThat(brand.getText()).isEqualTo("テスト店 " + storefront.code());
        assertThat(brand.getDomAttribute("href")).isEqualTo("https://shop.example.jp/");
        assertThat(browser.driver().findElements(By.cssSelector("a[href*='/login'], a[href$='/console']")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.id("console-nav"))).isEmpty();
        shot("portal-order");

        browser.open("/portal");
        assertThat(browser.driver().findElement(By.id("portal-brand")).getDomAttribute("href"))
                .isEqualTo("/portal");
        shot("portal-lookup");
    }

    private List<String> navIds() {
        return browser.driver().findElements(By.cssSelector("#console-nav a")).stream()
                .map(a -> a.getDomAttribute("id"))
                .toList();
    }

    private List<String> current() {
        return browser.driver().findElements(By.cssSelector("#console-nav a[aria-current='page']")).stream()
                .map(a -> a.getDomAttribute("id"))
                .toList();
    }

    /** Leaves a screenshot for a person to look at, only when asked to (nothing is asserted on it). */
    private static void shot(String name) {
        String dir = System.getProperty("layout.shots");
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
