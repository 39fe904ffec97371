package com.aftercare.web.console.stepmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Browser;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestScenarios;
import com.aftercare.web.support.TestScenarios.TestScenario;
import com.aftercare.web.support.TestStorefronts;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The scenario editor and the opt-out page in a real headless Chromium: a supervisor changes a
 * step and sees the timeline follow, a broken template is refused on its field, and a customer
 * stops promotional mail from the link in a real promotional mail.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class StepMailBrowserTest {

    private static final String PASSWORD = "supervisor-password-1";
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(/portal/unsubscribe\\?token=[^>\\s]+)");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TestClock clock;

    @Autowired
    StepMailScheduler scheduler;

    @Autowired
    MailDispatcher dispatcher;

    Api api;
    TestStorefronts.TestStorefront storefront;

    @BeforeEach
    void newVisitor() {
        browser.on(port);
        browser.fresh();
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
    }

    @Test
    void shouldChangeAStepDelayAndSeeTheTimelineFollowThenPreviewIt() {
        TestScenario scenario = TestScenarios.afterDelivery(jdbc, storefront.id(), "TRANSACTIONAL");
        String number = Events.unique("B");
        api.postEvent(Events.placed(Events.unique("evt"), number, Events.unique("b") + "@example.jp"));
        browser.logIn(newSupervisor(), PASSWORD).open("/console/stepmail");
        browser.driver().findElement(By.linkText(scenario.name())).click();
        assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("配達の3日後 10:00");

        browser.driver()
                .findElement(By.cssSelector("#step-" + scenario.stepId() + " .edit-step"))
                .click();
        browser.type(By.id("delayAmount"), "5");
        browser.driver().findElement(By.id("save-step")).click();

        browser.waitForVisible(By.id("notice"));
        assertThat(browser.driver().findElement(By.id("timeline")).getText())
                .contains("配達の5日後 10:00")
                .doesNotContain("配達の3日後");

        browser.driver().findElement(By.className("edit-step")).click();
        browser.type(By.id("order"), number);
        browser.driver().findElement(By.id("show-preview")).click();
        browser.waitFor(d -> !d.findElements(By.id("preview-subject")).isEmpty());
        assertThat(browser.driver().findElement(By.id("preview-subject")).getText())
                .contains(number);
        assertThat(browser.driver().findElement(By.id("preview-text")).getText())
                .contains("オーガニックコットンTシャツ");
    }

    @Test
    void shouldShowTheErrorOnTheFieldWhenATemplateNamesAnUnknownVariable() {
        TestScenario scenario = TestScenarios.afterDelivery(jdbc, storefront.id(), "TRANSACTIONAL");
        browser.logIn(newSupervisor(), PASSWORD).open("/console/mail/templates/" + scenario.template());

        browser.type(By.id("textBody"), "[(${customerName})] 様\nクーポン：[(${couponCode})]");
        browser.driver().findElement(By.id("save-template")).click();

        assertThat(browser.waitForVisible(By.id("textBody-error")).getText()).contains("couponCode");
        assertThat(browser.driver().findElement(By.id("textBody")).getAttribute("aria-invalid"))
                .isEqualTo("true");
    }

    @Test
    void shouldStopPromotionalMailFromTheOptOutLinkOfARealPromotionalMail() {
        TestScenario scenario = TestScenarios.afterDelivery(jdbc, storefront.id(), "PROMOTIONAL");
        String email = Events.unique("optout") + "@example.jp";
        String first = deliver(Events.placedWithConsent(Events.unique("evt"), Events.unique("O"), email), scenario);
        clock.setJst("2025-10-04T10:00");
        drain();
        String header = TestMailServer.receivedBy(email).stream()
                .filter(m -> TestMailServer.subjectOf(m).contains("のその後"))
                .map(StepMailBrowserTest::listUnsubscribe)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no promotional mail for " + first));
        Matcher link = UNSUBSCRIBE.matcher(header);
        assertThat(link.find()).isTrue();

        browser.open(link.group(1));
        assertThat(browser.text()).contains("配信を停止しますか");
        browser.driver().findElement(By.cssSelector("main form button")).click();
        browser.waitFor(d -> d.getPageSource().contains("配信を停止しました"));

        int before = TestMailServer.receivedBy(email).size();
        // a later order without a new consent: the opt-out stands
        String second = deliver(Events.placed(Events.unique("evt"), Events.unique("O"), email), scenario);
        clock.setJst("2025-10-04T10:00");
        drain();
        assertThat(TestMailServer.receivedBy(email)
                        .subList(before, TestMailServer.receivedBy(email).size()))
                .as("only the service mails of the second order")
                .allSatisfy(m -> assertThat(TestMailServer.subjectOf(m)).doesNotContain("のその後"));
        assertThat(jdbc.sql("""
                        select m.status from step_mail m join enrolment e on e.id = m.enrolment_id
                          join customer_order o on o.id = e.order_id
                         where o.order_number = :n and e.scenario_id = :s
                        """)
                        .param("n", second)
                        .param("s", scenario.id())
                        .query(String.class)
                        .list())
                .containsExactly("SKIPPED");
    }

    /** Places the order and delivers it; returns its number. */
    private String deliver(String placed, TestScenario scenario) {
        Matcher numbered = Pattern.compile("\"number\": \"([^\"]+)\"").matcher(placed);
        assertThat(numbered.find()).isTrue();
        String number = numbered.group(1);
        clock.setJst("2025-10-01T11:00");
        api.postEvent(placed);
        api.postEvent(Events.progressed(Events.unique("evt"), "order.delivered", number, "2025-10-01T11:00:00+09:00"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("""
                                select count(*) from step_mail m join enrolment e on e.id = m.enrolment_id
                                  join customer_order o on o.id = e.order_id
                                 where o.order_number = :n and e.scenario_id = :s
                                """)
                                .param("n", number)
                                .param("s", scenario.id())
                                .query(Long.class)
                                .single()
                        == 1);
        return number;
    }

    private static String listUnsubscribe(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getHeader("List-Unsubscribe", null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void drain() {
        while (scheduler.runDue() > 0) {
            // rounds until nothing is due
        }
        while (dispatcher.dispatchDue() > 0) {
            // send everything queued
        }
    }

    private String newSupervisor() {
        String username = Events.unique("sv").toLowerCase();
        operators.create(username, passwords.encode(PASSWORD), "テスト 責任者", Operators.Role.SUPERVISOR);
        return username;
    }
}
