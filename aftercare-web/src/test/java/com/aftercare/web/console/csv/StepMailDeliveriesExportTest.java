package com.aftercare.web.console.csv;

import static com.aftercare.web.console.csv.CsvExportTest.MS932;
import static com.aftercare.web.console.csv.CsvExportTest.parse;
import static com.aftercare.web.console.csv.CsvExportTest.rows;
import static com.aftercare.web.console.csv.CsvExportTest.strictly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.stepmail.scenario.Scenarios;
import com.aftercare.stepmail.scenario.Scenarios.Figures;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestScenarios;
import com.aftercare.web.support.TestScenarios.TestScenario;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The step mails behind a scenario's figures download as CSV from the step-mail console, over a
 * real port: one row a mail with its scenario, step, customer (email masked unless asked for
 * whole), channel and state in words, times in the shop's zone; the filter honoured, the export
 * audited, a bad filter refused with a 400 and the list closed to operators.
 */
@AftercareIntegrationTest
class StepMailDeliveriesExportTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scenarios scenarios;

    TestScenario scenario;
    TestOrder scheduled;
    TestOrder held;
    TestOrder sent;
    String supervisor;
    ConsoleClient console;

    @BeforeEach
    void threeStepMails() {
        TestStorefront storefront = TestStorefronts.create(storefronts);
        Api api = new Api(port, storefront.key());
        // "day 3 after delivery at 10:00", on this test's storefront only
        scenario = TestScenarios.afterDelivery(jdbc, storefront.id(), "TRANSACTIONAL");
        scheduled = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        held = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        sent = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        // enrolment follows the delivery event after its commit
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("select count(*) from enrolment e join step_mail m on m.enrolment_id = e.id"
                                        + " where e.scenario_id = :scenario")
                                .param("scenario", scenario.id())
                                .query(Long.class)
                                .single(),
                        n -> n == 3);
        // the scheduler is off in tests: the states a hold and a sent mail leave, written as they would be
        jdbc.sql("update step_mail set status = 'HELD', reason = 'claim open' where id = :id")
                .param("id", stepMailOf(held))
                .update();
        long mail = jdbc.sql("""
                        insert into outbound_mail (dedup_key, kind, template, to_address, subject, text_body, status, sent_at)
                        values (:key, 'TRANSACTIONAL', :template, :to, '件名', '本文', 'SENT',
                                timestamptz '2025-11-24 10:02:00+09')
                        returning id
                        """)
                .param("key", "test-" + sent.number())
                .param("template", scenario.template())
                .param("to", sent.email())
                .query(Long.class)
                .single();
        jdbc.sql("update step_mail set status = 'ENQUEUED', outbound_mail_id = :mail where id = :id")
                .param("mail", mail)
                .param("id", stepMailOf(sent))
                .update();
        supervisor = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        console = ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD);
    }

    @Test
    void shouldWriteEveryStepMailOfTheScenarioWithItsStateAndChannelInWordsAndTheEmailMasked() throws Exception {
        List<CSVRecord> csv = rows(console.download("/console/stepmail/deliveries/export?scenario=" + scenario.id()));

        assertThat(csv.get(0).values())
                .containsExactly("名前", "ステップ", "テンプレート", "お客様", "メールアドレス", "チャネル", "状態", "配信予定日時", "送信日時");
        assertThat(csv).hasSize(4);
        CSVRecord sentRow = rowIn(csv, "送信済み");
        assertThat(sentRow.get(0)).isEqualTo(scenario.name());
        assertThat(sentRow.get(1)).isEqualTo("1");
        assertThat(sentRow.get(2)).isEqualTo(scenario.template());
        assertThat(sentRow.get(3)).isEqualTo("山田 花子");
        assertThat(sentRow.get(5)).isEqualTo("メール");
        // day 3 after a delivery on the 21st, at 10:00 in the shop's zone (Asia/Tokyo)
        assertThat(sentRow.get(7)).isEqualTo("2025-11-24 10:00");
        assertThat(sentRow.get(8)).isEqualTo("2025-11-24 10:02");
        CSVRecord heldRow = rowIn(csv, "保留");
        assertThat(heldRow.get(5)).isEmpty(); // not yet decided: it never left the scheduler
        assertThat(rowIn(csv, "予定").get(5)).isEmpty();
    }

    @Test
    void shouldKeepToTheStateAskedForAndAuditTheExport() throws Exception {
        List<CSVRecord> csv =
                rows(console.download("/console/stepmail/deliveries/export?state=HELD&scenario=" + scenario.id()));

        assertThat(csv).hasSize(2);
        assertThat(csv.get(1).get(6)).isEqualTo("保留");
        Map<String, Object> audit =
                jdbc.sql("""
                        select target_id, details->'filter'->>'state' as state, (details->'filter'->>'scenario')::bigint as scenario,
                               (details->'filter'->>'reveal')::boolean as reveal, (details->>'rows')::int as rows
                          from audit_log where actor = :actor and action = 'csv.exported'
                        """).param("actor", supervisor).query().singleRow();
        assertThat(audit)
                .containsEntry("target_id", "stepmail")
                .containsEntry("state", "HELD")
                .containsEntry("scenario", scenario.id())
                .containsEntry("reveal", false)
                .containsEntry("rows", 1);
    }

    @Test
    void shouldWriteTheEmailWholeOnlyWhenAskedAndSayItInTheAudit() throws Exception {
        List<CSVRecord> masked =
                rows(console.download("/console/stepmail/deliveries/export?scenario=" + scenario.id()));
        List<CSVRecord> whole =
                rows(console.download("/console/stepmail/deliveries/export?reveal=true&scenario=" + scenario.id()));

        String local = sent.email().substring(0, sent.email().indexOf('@'));
        assertThat(rowIn(masked, "送信済み").get(4))
                .isEqualTo(local.substring(0, 2) + "***@example.jp")
                .doesNotContain(local);
        assertThat(rowIn(whole, "送信済み").get(4)).isEqualTo(sent.email());
        assertThat(jdbc.sql("""
                        select (details->'filter'->>'reveal')::boolean from audit_log
                         where actor = :actor and action = 'csv.exported' order by id
                        """).param("actor", supervisor).query(Boolean.class).list())
                .containsExactly(false, true);
    }

    @Test
    void shouldListUnderEachStateExactlyTheMailsTheScenarioFiguresCountInIt() throws Exception {
        // the scheduler skips a step whose mail it could not build: the figures call that a failure
        jdbc.sql("update step_mail set status = 'SKIPPED', reason = 'failed: template missing' where id = :id")
                .param("id", stepMailOf(scheduled))
                .update();
        Figures figures = scenarios.find(scenario.id()).steps().get(0).figures();

        Map<String, Long> perState = Map.of(
                "SCHEDULED", figures.scheduled(),
                "HELD", figures.held(),
                "QUEUED", figures.queued(),
                "SENT", figures.sent(),
                "FAILED", figures.failed());
        for (Map.Entry<String, Long> state : perState.entrySet()) {
            List<CSVRecord> csv = rows(console.download(
                    "/console/stepmail/deliveries/export?state=" + state.getKey() + "&scenario=" + scenario.id()));
            assertThat(csv.size() - 1L).as(state.getKey()).isEqualTo(state.getValue());
        }
        assertThat(figures.failed()).isOne();
        assertThat(rows(console.download(
                        "/console/stepmail/deliveries/export?state=SKIPPED&scenario=" + scenario.id())))
                .as("a failed build is not a skip")
                .hasSize(1);
    }

    @Test
    void shouldWriteShiftJisOnRequest() throws Exception {
        HttpResponse<byte[]> csv =
                console.download("/console/stepmail/deliveries/export?charset=shift_jis&scenario=" + scenario.id());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("windows-31j");
        List<CSVRecord> rows = parse(strictly(MS932, csv.body()));
        assertThat(rows.get(0).get(6)).isEqualTo("状態");
        assertThat(rows).anySatisfy(row -> assertThat(row.get(6)).isEqualTo("送信済み"));
    }

    @Test
    void shouldRefuseAFilterItCannotReadWithA400AndNoFile() {
        for (String bad : List.of("state=LOST", "scenario=abc", "scenario=-1", "step=7", "reveal=maybe")) {
            HttpResponse<byte[]> csv = console.download("/console/stepmail/deliveries/export?" + bad);

            assertThat(csv.statusCode()).as(bad).isEqualTo(400);
            assertThat(csv.headers().firstValue("Content-Disposition")).as(bad).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from audit_log where actor = :actor and action = 'csv.exported'")
                        .param("actor", supervisor)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shouldCloseTheFileToOperatorsAsTheConsoleIs() {
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);

        assertThat(ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD)
                        .download("/console/stepmail/deliveries/export")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldLinkTheFileFromTheScenariosAndFromEachScenario() {
        assertThat(console.get("/console/stepmail").body())
                .contains("href=\"/console/stepmail/deliveries/export\"")
                .contains("href=\"/console/stepmail/deliveries/export?charset=shift_jis\"");
        assertThat(console.get("/console/stepmail/scenarios/" + scenario.id()).body())
                .contains("href=\"/console/stepmail/deliveries/export?scenario=" + scenario.id() + "\"")
                .contains(
                        "href=\"/console/stepmail/deliveries/export?scenario=" + scenario.id() + "&amp;reveal=true\"");
    }

    private long stepMailOf(TestOrder order) {
        return jdbc.sql("""
                        select m.id from step_mail m
                          join enrolment e on e.id = m.enrolment_id
                          join customer_order o on o.id = e.order_id
                         where o.order_number = :number and e.scenario_id = :scenario
                        """)
                .param("number", order.number())
                .param("scenario", scenario.id())
                .query(Long.class)
                .single();
    }

    /** The row in the given state (each of the three step mails is in its own). */
    private static CSVRecord rowIn(List<CSVRecord> csv, String state) {
        return csv.stream()
                .skip(1)
                .filter(r -> r.get(6).equals(state))
                .findFirst()
                .orElseThrow();
    }
}
