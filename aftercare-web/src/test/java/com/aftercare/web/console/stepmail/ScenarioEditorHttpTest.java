package com.aftercare.web.console.stepmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.outbox.MailSuppressions;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestScenarios;
import com.aftercare.web.support.TestScenarios.TestScenario;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The scenario editor over HTTP: what it shows, what a change does, and what it refuses. */
@AftercareIntegrationTest
class ScenarioEditorHttpTest {

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
    MailSuppressions suppressions;

    TestStorefront storefront;
    TestScenario scenario;
    ConsoleClient supervisor;
    String supervisorName;

    @BeforeEach
    void scenarioOfItsOwn() {
        storefront = TestStorefronts.create(storefronts);
        scenario = TestScenarios.afterDelivery(jdbc, storefront.id(), "TRANSACTIONAL");
        supervisorName = newOperator(Operators.Role.SUPERVISOR);
        supervisor = ConsoleClient.loggedInAs(port, supervisorName, "supervisor-password-1");
    }

    @Test
    void shouldListTheScenarioWithItsStatusAndShowItsStepInShopWords() {
        HttpResponse<String> list = supervisor.get("/console/stepmail");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(scenario.name()).contains("稼働中");

        HttpResponse<String> page = supervisor.get(scenarioPath());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("配達の3日後 10:00").contains(scenario.template());
    }

    @Test
    void shouldApplyAChangedDelayToCustomersEnrolledFromNowOnOnly() {
        String before = deliver("2025-10-01T11:00:00+09:00");

        HttpResponse<String> saved = supervisor.postForm(stepPath(), stepPath(), step(Map.of("delayAmount", "5")));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(supervisor.get(scenarioPath()).body()).contains("配達の5日後 10:00");
        String after = deliver("2025-10-01T11:00:00+09:00");
        assertThat(dueOf(before)).isEqualTo("2025-10-04 10:00");
        assertThat(dueOf(after)).isEqualTo("2025-10-06 10:00");
        assertThat(jdbc.sql("""
                        select count(*) from audit_log
                         where actor = :actor and action = 'scenario.step.changed' and target_id = :id
                        """)
                        .param("actor", supervisorName)
                        .param("id", Long.toString(scenario.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldKeepTheStepsCouponCampaignInItsNewVersion() {
        long campaign = jdbc.sql("select id from coupon_campaign order by id limit 1")
                .query(Long.class)
                .single();
        jdbc.sql("update scenario_step set coupon_campaign_id = :c where id = :id")
                .param("c", campaign)
                .param("id", scenario.stepId())
                .update();

        HttpResponse<String> saved = supervisor.postForm(stepPath(), stepPath(), step(Map.of("delayAmount", "5")));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("""
                        select coupon_campaign_id from scenario_step
                         where scenario_id = :s and retired_at is null and origin_id = :origin
                        """)
                        .param("s", scenario.id())
                        .param("origin", scenario.stepId())
                        .query(Long.class)
                        .single())
                .isEqualTo(campaign);
    }

    @Test
    void shouldRefuseANegativeOrNonNumericDelayWithAFieldMessageAndChangeNothing() {
        for (String bad : List.of("-1", "abc")) {
            HttpResponse<String> answer = supervisor.postForm(stepPath(), stepPath(), step(Map.of("delayAmount", bad)));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("0以上の整数を").contains("aria-invalid=\"true\"");
        }
        HttpResponse<String> timeWithMinutes = supervisor.postForm(
                stepPath(), stepPath(), step(Map.of("delayAmount", "30", "delayUnit", "MINUTES", "atTime", "10:00")));
        assertThat(timeWithMinutes.statusCode()).isEqualTo(400);
        assertThat(liveSteps()).containsExactly(scenario.stepId());
    }

    @Test
    void shouldOfferTheResolutionTriggersAndTellTheStepsTimeFromTheResolution() {
        assertThat(supervisor.get(scenarioPath()).body())
                .contains("value=\"claim.resolved\"")
                .contains("value=\"inquiry.resolved\"");
        Map<String, String> form = new HashMap<>(Map.of(
                "name",
                scenario.name(),
                "trigger",
                "inquiry.resolved",
                "buyer",
                "ANY",
                "storefrontId",
                Long.toString(storefront.id().value())));

        HttpResponse<String> saved = supervisor.postForm(scenarioPath(), scenarioPath(), form);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(supervisor.get(scenarioPath()).body()).contains("お問い合わせの解決の3日後 10:00");
        assertThat(jdbc.sql("select trigger_event from scenario where id = :id")
                        .param("id", scenario.id())
                        .query(String.class)
                        .single())
                .isEqualTo("inquiry.resolved");
    }

    @Test
    void shouldRefuseAnEmptyNameAndAnUnknownStorefront() {
        Map<String, String> form = new HashMap<>(Map.of("name", " ", "trigger", "order.delivered", "buyer", "ANY"));
        HttpResponse<String> answer = supervisor.postForm(scenarioPath(), scenarioPath(), form);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("名前を入力してください");
        assertThat(nameOf()).isEqualTo(scenario.name());
    }

    @Test
    void shouldRejectATemplateWithAnUnknownVariableOrASyntaxErrorAtSaveTime() {
        String path = "/console/mail/templates/" + scenario.template() + "?lang=ja";

        HttpResponse<String> unknown = supervisor.postForm(
                path, path, Map.of("subject", "件名", "textBody", "[(${couponCode})]", "htmlBody", ""));
        HttpResponse<String> broken = supervisor.postForm(
                path, path, Map.of("subject", "件名", "textBody", "[(${customerName +})]", "htmlBody", ""));
        HttpResponse<String> unclosed = supervisor.postForm(
                path,
                path,
                Map.of("subject", "件名", "textBody", "本文", "htmlBody", "<p th:text=\"${customerName\">x</p>"));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown variable couponCode").contains("textBody-error");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("syntax error");
        assertThat(unclosed.statusCode()).isEqualTo(400);
        assertThat(unclosed.body()).contains("htmlBody-error");
        assertThat(jdbc.sql("select subject from mail_template where code = :c")
                        .param("c", scenario.template())
                        .query(String.class)
                        .single())
                .as("nothing saved")
                .contains("のその後");
    }

    @Test
    void shouldSaveAValidTemplateWithItsHtmlPart() {
        String path = "/console/mail/templates/" + scenario.template() + "?lang=en";

        HttpResponse<String> saved = supervisor.postForm(
                path,
                path,
                Map.of(
                        "subject",
                        "Your order [(${orderNumber})]",
                        "textBody",
                        "Dear [(${customerName})]",
                        "htmlBody",
                        "<p>Dear [[${customerName}]]</p>"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select html_body from mail_template where code = :c and language = 'en'")
                        .param("c", scenario.template())
                        .query(String.class)
                        .single())
                .isEqualTo("<p>Dear [[${customerName}]]</p>");
    }

    @Test
    void shouldRefuseFormsWithoutTheirCsrfTokenAndKeepOperatorsOut() {
        assertThat(supervisor
                        .postWithoutToken(stepPath(), step(Map.of("delayAmount", "9")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(supervisor
                        .postWithoutToken(scenarioPath() + "/pause", Map.of())
                        .statusCode())
                .isEqualTo(403);
        ConsoleClient operator =
                ConsoleClient.loggedInAs(port, newOperator(Operators.Role.OPERATOR), "supervisor-password-1");
        assertThat(operator.get("/console/stepmail").statusCode()).isEqualTo(403);
        assertThat(operator.get(scenarioPath()).statusCode()).isEqualTo(403);
        assertThat(operator.get("/console").body()).doesNotContain("nav-stepmail");
        assertThat(liveSteps()).containsExactly(scenario.stepId());
    }

    @Test
    void shouldHoldWaitingMailsWhilePausedAndReleaseThemOnResume() {
        String order = deliver("2025-10-01T11:00:00+09:00");

        supervisor.postForm(scenarioPath(), scenarioPath() + "/pause", Map.of());
        assertThat(statusOf(order)).isEqualTo("HELD");
        assertThat(supervisor.get("/console/stepmail").body()).contains("一時停止中");
        String later = deliver("2025-10-02T11:00:00+09:00");
        assertThat(statusOf(later)).as("enrolled while paused").isEqualTo("HELD");

        supervisor.postForm(scenarioPath(), scenarioPath() + "/resume", Map.of());
        assertThat(statusOf(order)).isEqualTo("SCHEDULED");
        assertThat(statusOf(later)).isEqualTo("SCHEDULED");
    }

    @Test
    void shouldAddAndRemoveStepsForFutureEnrolments() {
        HttpResponse<String> added = supervisor.postForm(
                scenarioPath(),
                scenarioPath() + "/steps",
                step(Map.of("delayAmount", "2", "delayUnit", "HOURS", "atTime", "")));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(supervisor.get(scenarioPath()).body()).contains("配達の2時間後");
        assertThat(liveSteps()).hasSize(2);

        supervisor.postForm(scenarioPath(), stepPath() + "/remove", Map.of());
        assertThat(liveSteps()).hasSize(1).doesNotContain(scenario.stepId());
    }

    @Test
    void shouldListABouncingAddressAndLetASupervisorClearItWithAnAuditEntry() {
        String address = Events.unique("bounce") + "@example.jp";
        suppressions.recordHardBounce(address, "550 5.1.1 no such user", "smtp");
        String page = "/console/stepmail/bounces";
        assertThat(supervisor.get(page).body()).contains(address);

        HttpResponse<String> cleared = supervisor.postForm(page, page + "/clear", Map.of("address", address));

        assertThat(cleared.statusCode()).isEqualTo(302);
        assertThat(suppressions.isBouncing(address)).isFalse();
        assertThat(jdbc.sql("select actor from audit_log where action = 'mail.bounce.cleared' and target_id = :a")
                        .param("a", address)
                        .query(String.class)
                        .list())
                .containsExactly(supervisorName);
    }

    private String deliver(String deliveredAt) {
        Api api = new Api(port, storefront.key());
        String number = Events.unique("E");
        api.postEvent(Events.placed(Events.unique("evt"), number, Events.unique("c") + "@example.jp"));
        api.postEvent(Events.progressed(Events.unique("evt"), "order.delivered", number, deliveredAt));
        await().atMost(Duration.ofSeconds(20)).until(() -> stepMailCount(number) == 1);
        return number;
    }

    private long stepMailCount(String number) {
        return jdbc.sql("""
                        select count(*) from step_mail m join enrolment e on e.id = m.enrolment_id
                          join customer_order o on o.id = e.order_id
                         where o.order_number = :n and e.scenario_id = :s
                        """)
                .param("n", number)
                .param("s", scenario.id())
                .query(Long.class)
                .single();
    }

    private String dueOf(String number) {
        return stepMailColumn(number, "to_char(m.due_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD HH24:MI')");
    }

    private String statusOf(String number) {
        return stepMailColumn(number, "m.status");
    }

    private String stepMailColumn(String number, String column) {
        return jdbc.sql("select " + column + """
                         from step_mail m join enrolment e on e.id = m.enrolment_id
                          join customer_order o on o.id = e.order_id
                         where o.order_number = :n and e.scenario_id = :s
                        """)
                .param("n", number)
                .param("s", scenario.id())
                .query(String.class)
                .single();
    }

    private List<Long> liveSteps() {
        return jdbc.sql("select id from scenario_step where scenario_id = :s and retired_at is null order by id")
                .param("s", scenario.id())
                .query(Long.class)
                .list();
    }

    private String nameOf() {
        return jdbc.sql("select name from scenario where id = :s")
                .param("s", scenario.id())
                .query(String.class)
                .single();
    }

    private Map<String, String> step(Map<String, String> changes) {
        Map<String, String> form = new HashMap<>(Map.of(
                "delayAmount", "3",
                "delayUnit", "DAYS",
                "atTime", "10:00",
                "kind", "TRANSACTIONAL",
                "template", scenario.template(),
                "afterHold", "RESUME",
                "overCap", "POSTPONE"));
        form.putAll(changes);
        return form;
    }

    private String scenarioPath() {
        return "/console/stepmail/scenarios/" + scenario.id();
    }

    private String stepPath() {
        return scenarioPath() + "/steps/" + scenario.stepId();
    }

    private String newOperator(Operators.Role role) {
        String username = Events.unique("sv").toLowerCase();
        operators.create(username, passwords.encode("supervisor-password-1"), "テスト " + role, role);
        return username;
    }
}
