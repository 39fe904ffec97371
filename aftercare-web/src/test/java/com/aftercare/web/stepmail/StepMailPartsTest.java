package com.aftercare.web.stepmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.RenderedMail;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.mail.outbox.MailSuppressions;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.scenario.ScenarioEditor;
import com.aftercare.stepmail.scenario.Scenarios;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.stepmail.scenario.StepPreview;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestScenarios;
import com.aftercare.web.support.TestScenarios.TestScenario;
import com.aftercare.web.support.TestStorefronts;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a step mail is made of once it leaves: plain text and HTML as alternatives through the one
 * outbox, no product named for a discreet order in any part, test sends that count for nothing,
 * and no mail at all to an address that bounced. The clock stays in the past for the reason given
 * in {@link StepMailScenarioTest}.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class StepMailPartsTest {

    private static final List<String> PRODUCTS = List.of("オーガニックコットンTシャツ", "有田焼マグカップ", "TS-001");

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    StepMailScheduler scheduler;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    StepPreview preview;

    @Autowired
    ScenarioEditor editor;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Operators operators;

    @Autowired
    MailSuppressions suppressions;

    Api api;
    TestScenario scenario;

    @BeforeEach
    void scenarioOfItsOwn() {
        TestStorefronts.TestStorefront storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        scenario = TestScenarios.afterDelivery(jdbc, storefront.id(), "TRANSACTIONAL");
    }

    @Test
    void shouldSendAStepAsPlainTextAndHtmlAlternativesThroughTheOutbox() throws Exception {
        String email = Events.unique("parts") + "@example.jp";
        String number = deliver(email, false);

        clock.setJst("2025-10-04T10:00");
        drain();

        MimeMessage mail = mailAbout(email, number);
        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        assertThat(part(mail, "text/plain")).contains("山田 花子 様").contains("オーガニックコットンTシャツ");
        assertThat(part(mail, "text/html")).contains("<li>オーガニックコットンTシャツ</li>");
    }

    @Test
    void shouldNeverNameAProductOfADiscreetOrderInSubjectTextOrHtmlEvenIfTheTemplateTries() throws Exception {
        jdbc.sql("""
                        update mail_template set subject = subject || '[# th:each="l : ${lines}"][(${l.name})][/]'
                         where code = :code
                        """).param("code", scenario.template()).update();
        String email = Events.unique("discreet") + "@example.jp";
        String number = deliver(email, true);

        RenderedMail previewed =
                preview.preview(scenario.id(), scenario.stepId(), number, "ja").mail();
        clock.setJst("2025-10-04T10:00");
        drain();

        MimeMessage mail = mailAbout(email, number);
        for (String text : List.of(
                TestMailServer.subjectOf(mail),
                part(mail, "text/plain"),
                part(mail, "text/html"),
                previewed.subject(),
                previewed.text(),
                previewed.html())) {
            assertThat(text).doesNotContain(PRODUCTS);
        }
    }

    @Test
    void shouldPreviewWithAPlaceholderInsteadOfALiveLinkToTheCustomersOrder() {
        jdbc.sql("update mail_template set text_body = text_body || '手続き：[(${portalUrl})]' where code = :code")
                .param("code", scenario.template())
                .update();
        String number = deliver(Events.unique("portal") + "@example.jp", false);

        String text = preview.preview(scenario.id(), scenario.stepId(), number, "ja")
                .mail()
                .text();

        assertThat(text).contains("/portal/order?token=preview");
    }

    @Test
    void shouldSendATestToTheOperatorMarkedAsATestAndCountItNowhere() throws Exception {
        String number = deliver(Events.unique("cust") + "@example.jp", false);
        String operator = Events.unique("tester").toLowerCase();
        String operatorMail = operator + "@staff.example.jp";
        operators.create(operator, "not-used", "テスト 担当", Operators.Role.SUPERVISOR);
        operators.setTestMailAddress(operator, operatorMail);
        Scenarios.Figures before =
                scenarios.find(scenario.id()).step(scenario.stepId()).figures();

        preview.testSend(scenario.id(), scenario.stepId(), number, "ja", operator);
        drain();

        MimeMessage test = TestMailServer.receivedBy(operatorMail).get(0);
        assertThat(TestMailServer.subjectOf(test)).startsWith("[TEST] ").contains(number);
        assertThat(test.getHeader(StepPreview.TEST_HEADER)).isNotEmpty();
        assertThat(scenarios.find(scenario.id()).step(scenario.stepId()).figures())
                .isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from outbound_mail where to_address = :to and customer_id is null")
                        .param("to", operatorMail)
                        .query(Long.class)
                        .single())
                .as("no customer: no cap, no timeline")
                .isEqualTo(1);
    }

    @Test
    void shouldStopEveryStepMailToAnAddressThatBouncedUntilAnOperatorClearsIt() {
        String email = Events.unique("bounced") + "@example.jp";
        String waiting = deliver(email, false);

        suppressions.recordHardBounce(email, "550 5.1.1 no such user", "smtp");
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(statusOf(waiting)));
        String later = deliver(email, false);
        clock.setJst("2025-10-04T10:00");
        drain();

        assertThat(statusOf(later)).isEqualTo("CANCELLED");
        assertThat(TestMailServer.receivedBy(email)).isEmpty();

        suppressions.clear(email, "supervisor");
        String afterClearing = deliver(email, false);
        clock.setJst("2025-10-04T10:00");
        drain();
        assertThat(statusOf(afterClearing)).isEqualTo("ENQUEUED");
        assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains(afterClearing) && s.contains("のその後"));
    }

    private String deliver(String email, boolean discreet) {
        String number = Events.unique("M");
        clock.setJst("2025-10-01T11:00");
        api.postEvent(Events.placed(Events.unique("evt"), number, email, discreet));
        api.postEvent(Events.progressed(Events.unique("evt"), "order.delivered", number, "2025-10-01T11:00:00+09:00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(number) != null);
        return number;
    }

    private String statusOf(String number) {
        return jdbc.sql("""
                        select m.status from step_mail m join enrolment e on e.id = m.enrolment_id
                          join customer_order o on o.id = e.order_id
                         where o.order_number = :n and e.scenario_id = :s
                        """)
                .param("n", number)
                .param("s", scenario.id())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private void drain() {
        while (scheduler.runDue() > 0) {
            // rounds until nothing is due
        }
        while (dispatcher.dispatchDue() > 0) {
            // send everything queued
        }
    }

    private static MimeMessage mailAbout(String email, String number) {
        return TestMailServer.receivedBy(email).stream()
                // the shop's default scenarios mail the same order too; ours says のその後
                .filter(m -> TestMailServer.subjectOf(m).contains(number)
                        && TestMailServer.subjectOf(m).contains("のその後"))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no mail about " + number + ": " + TestMailServer.subjectsTo(email)));
    }

    private static String part(MimeMessage message, String type) throws Exception {
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
