package com.aftercare.web.console.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Automations;
import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryStatus;
import com.aftercare.inquiry.InquiryTags;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.Priority;
import com.aftercare.inquiry.SlaAlerts;
import com.aftercare.inquiry.Teams;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The desk's automations, macros and SLA breach alerts over HTTP on a moving test clock: a time
 * rule closes an unanswered wait with a polite mail (GreenMail) once, the breach mail reaches the
 * assignee and the supervisor once, bad editor input writes nothing, operators stay out of the
 * editors but apply macros (a canned reply mailed, status, priority, assignee or team, a tag shown
 * on the page), audited as themselves.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class InquiryAutomationsTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Inquiries inquiries;

    @Autowired
    Automations automations;

    @Autowired
    SlaAlerts alerts;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    CannedResponses canned;

    @Autowired
    Teams teams;

    @Autowired
    InquiryTags tags;

    @Autowired
    TransactionTemplate transactions;

    TestStorefronts.TestStorefront storefront;
    Api api;
    String supervisor;
    ConsoleClient console;

    @BeforeEach
    void setUp() {
        clock.setJst("2026-11-23T10:00"); // a Monday
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        supervisor = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        operators.setTestMailAddress(supervisor, supervisor + "@staff.example.jp");
        console = ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD);
    }

    @Test
    void shouldCloseAnUnansweredWaitAfterTwoBusinessDaysWithOnePoliteMail() {
        HttpResponse<String> created = console.postForm(
                "/console/automations",
                "/console/automations",
                rule(Map.of(
                        "name", "返信待ち2営業日で自動クローズ",
                        "trigger", "TIME",
                        "status", "WAITING_ON_CUSTOMER",
                        "timeSince", "WAITING",
                        "timeAmount", "2",
                        "timeUnit", "BUSINESS_DAYS",
                        "setStatus", "CLOSE",
                        "customerMail", "CLOSED_AFTER_WAITING")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String email = Events.unique("wait") + "@example.jp";
        String reference = open(email, "サイズについて", "Mサイズはありますか。");
        inquiries.reply(new Inquiries.Reply(reference, supervisor, "どのお色をご希望でしょうか。"));
        inquiries.waitOnCustomer(reference, supervisor);

        clock.setJst("2026-11-24T17:00"); // Tuesday 17:00: not yet two business days of waiting
        automations.runDue();
        assertThat(status(reference)).isEqualTo(InquiryStatus.WAITING_ON_CUSTOMER);

        clock.setJst("2026-11-25T10:01"); // two business days of waiting
        automations.runDue();
        automations.runDue();

        assertThat(status(reference)).isEqualTo(InquiryStatus.CLOSED);
        dispatcher.dispatchDue();
        assertThat(TestMailServer.subjectsTo(email))
                .filteredOn(s -> s.contains("対応を終了"))
                .hasSize(1)
                .allMatch(s -> s.contains(reference));
        String list = console.get("/console/automations").body();
        assertThat(list).contains("返信待ち2営業日で自動クローズ");
        long id = jdbc.sql("select id from inquiry_automation where name = '返信待ち2営業日で自動クローズ'")
                .query(Long.class)
                .single();
        assertThat(automations.find(id).orElseThrow().fired()).isEqualTo(1);
        assertThat(automations.find(id).orElseThrow().lastFiredAt()).isNotNull();
        // its two actions are joined by 「・」 alone, as Japanese writes a list (no stray space)
        String actions = Jsoup.parse(list)
                .select("#automation-" + id + " td:nth-child(4)")
                .text();
        assertThat(actions).contains("・").doesNotContain(" ・").doesNotContain("・ ");
        assertThat(actions.split("・")).hasSize(2);
        automations.delete(id, supervisor);
    }

    @Test
    void shouldRunTheRulesOfAStatusChangeAndOfACustomersReplyOnceEach() {
        String storefrontId = String.valueOf(storefront.id().value());
        long waiting = automation(Map.of(
                "trigger",
                "STATUS_CHANGED",
                "status",
                "WAITING_ON_CUSTOMER",
                "storefront",
                storefrontId,
                "tag",
                "返信待ち"));
        long replied = automation(Map.of(
                "trigger", "CUSTOMER_REPLIED", "storefront", storefrontId, "setPriority", "HIGH", "tag", "再問い合わせ"));
        String reference = open(Events.unique("again") + "@example.jp", "サイズについて", "Mサイズはありますか。");

        // two changes (to OPEN by the answer, then to WAITING_ON_CUSTOMER) in one transaction: the
        // rules of both run after it, when the inquiry is waiting already; the wait rule is for the
        // second change only
        transactions.executeWithoutResult(tx -> {
            inquiries.reply(new Inquiries.Reply(reference, supervisor, "どのお色をご希望でしょうか。"));
            inquiries.waitOnCustomer(reference, supervisor);
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> tags.of(reference).contains("返信待ち"));
        assertThat(inquiries.find(reference).orElseThrow().priority()).isEqualTo(Priority.NORMAL);

        Api.Answer wrote = api.post(
                "/api/v1/inquiries/" + reference + "/messages",
                "application/json",
                HttpRequest.BodyPublishers.ofString("{\"body\": \"ネイビーでお願いします。\", \"author\": \"山田 花子\"}"));

        assertThat(wrote.status()).as(wrote.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> inquiries.find(reference).orElseThrow().priority() == Priority.HIGH);
        await().atMost(Duration.ofSeconds(10)).until(() -> tags.of(reference).contains("再問い合わせ"));
        assertThat(tags.of(reference)).containsExactlyInAnyOrder("返信待ち", "再問い合わせ");
        assertThat(automations.find(waiting).orElseThrow().fired())
                .as("once: not for the change to OPEN, nor when the customer's reply reopened it")
                .isEqualTo(1);
        assertThat(automations.find(replied).orElseThrow().fired()).isEqualTo(1);
        automations.delete(waiting, supervisor);
        automations.delete(replied, supervisor);
        inquiries.resolve(reference, supervisor);
    }

    @Test
    void shouldMailTheAssigneeAndTheSupervisorOncePerBreach() {
        String assignee = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        operators.setTestMailAddress(assignee, assignee + "@staff.example.jp");
        String reference = open(Events.unique("sla") + "@example.jp", "届きません", "注文した商品が届きません。");
        inquiries.take(reference, assignee);

        clock.setJst("2026-11-24T10:30"); // NORMAL: first response due one business day later
        alerts.runDue();
        alerts.runDue();
        dispatcher.dispatchDue();

        assertThat(TestMailServer.subjectsTo(assignee + "@staff.example.jp"))
                .filteredOn(s -> s.contains(reference))
                .hasSize(1)
                .allMatch(s -> s.contains("SLA"));
        assertThat(TestMailServer.subjectsTo(supervisor + "@staff.example.jp"))
                .filteredOn(s -> s.contains(reference))
                .hasSize(1);
        inquiries.resolve(reference, assignee);
    }

    @Test
    void shouldRefuseBadRulesWithFieldMessagesAndSaveNothing() {
        long before = count();
        Map<String, String> noActions = rule(Map.of("name", "何もしない", "trigger", "CREATED"));
        Map<String, String> timeOnEvent = rule(Map.of(
                "name",
                "誤り",
                "trigger",
                "CREATED",
                "timeSince",
                "CREATED",
                "timeAmount",
                "1",
                "timeUnit",
                "HOURS",
                "tag",
                "x"));
        Map<String, String> garbled =
                rule(Map.of("name", "誤り", "trigger", "SOMETIMES", "timeAmount", "many", "tag", "x"));
        Map<String, String> unnamed = rule(Map.of("name", " ", "trigger", "CREATED", "tag", "x"));

        HttpResponse<String> a = console.postForm("/console/automations", "/console/automations", noActions);
        HttpResponse<String> b = console.postForm("/console/automations", "/console/automations", timeOnEvent);
        HttpResponse<String> c = console.postForm("/console/automations", "/console/automations", garbled);
        HttpResponse<String> d = console.postForm("/console/automations", "/console/automations", unnamed);

        assertThat(a.statusCode()).isEqualTo(400);
        assertThat(a.body()).contains("実行する内容を1つ以上選んでください。");
        assertThat(b.statusCode()).isEqualTo(400);
        assertThat(b.body()).contains("timeSince-error");
        assertThat(c.statusCode()).isEqualTo(400);
        assertThat(c.body()).contains("trigger-error").contains("timeAmount-error");
        assertThat(d.statusCode()).isEqualTo(400);
        assertThat(d.body()).contains("name-error").contains("ルール名を入力してください。");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void shouldKeepOperatorsOutOfTheEditorsButLetThemApplyAMacroAsThemselves() {
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        ConsoleClient desk = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);
        assertThat(desk.get("/console/automations").statusCode()).isEqualTo(403);
        assertThat(desk.get("/console/macros").statusCode()).isEqualTo(403);
        assertThat(desk.postForm("/console", "/console/macros", Map.of("name", "x", "tag", "x"))
                        .statusCode())
                .isEqualTo(403);
        long reply = canned.create(
                new CannedResponses.Draft(
                        "返品の受付 " + Events.unique("c"), "{{customerName}} 様\n返品を承りました。返送用の伝票をお送りします。", null, "ja"),
                supervisor);
        String tag = "返品受付" + Events.unique("t").substring(0, 6);
        long macro = macro(Map.of(
                "cannedResponse",
                String.valueOf(reply),
                "setStatus",
                "WAITING_ON_CUSTOMER",
                "setPriority",
                "HIGH",
                "tag",
                tag,
                "assignToMe",
                "true",
                "team",
                ""));
        String email = Events.unique("macro") + "@example.jp";
        String reference = open(email, "返品したい", "サイズが合いませんでした。");
        assertThat(desk.get("/console/inquiries/" + reference).body()).doesNotContain(tag);

        HttpResponse<String> applied = desk.postForm(
                "/console/inquiries/" + reference,
                "/console/inquiries/" + reference + "/macro",
                Map.of("macro", String.valueOf(macro)));

        assertThat(applied.statusCode()).isEqualTo(302);
        InquiryView view = inquiries.find(reference).orElseThrow();
        assertThat(view.status()).isEqualTo(InquiryStatus.WAITING_ON_CUSTOMER);
        assertThat(view.priority().name()).isEqualTo("HIGH");
        assertThat(view.assigneeOperatorId())
                .as("assigned to whoever applied it")
                .isEqualTo(operators.find(operator).orElseThrow().id());
        assertThat(view.messages())
                .filteredOn(m -> m.direction().equals("OUTBOUND"))
                .singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("山田 花子 様\n返品を承りました。返送用の伝票をお送りします。"));
        while (dispatcher.dispatchDue() > 0) {
            // the canned reply goes out by mail, as the operator's
        }
        assertThat(TestMailServer.textsTo(email)).anyMatch(t -> t.contains("返品を承りました。"));
        assertThat(view.trail())
                .anyMatch(t -> t.type().equals("STATUS_CHANGED") && t.actor().equals(operator));
        assertThat(Jsoup.parse(desk.get("/console/inquiries/" + reference).body())
                        .select("#tags .badge")
                        .eachText())
                .containsExactly(tag);
        assertThat(jdbc.sql("""
                        select details -> 'steps' ->> 0 || ',' || (details -> 'steps' ->> 1) || ',' || (details -> 'steps' ->> 2)
                               || ',' || (details -> 'steps' ->> 3) || ',' || (details -> 'steps' ->> 4)
                          from audit_log where action = 'macro.applied' and actor = :a and target_id = :r
                        """)
                        .param("a", operator)
                        .param("r", reference)
                        .query(String.class)
                        .list())
                .as("audited once, as the operator, with every step done")
                .containsExactly("reply,priority,assign,tag,wait");
        inquiries.resolve(reference, operator);
    }

    @Test
    void shouldHandAnInquiryToTheMacrosTeam() {
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        ConsoleClient desk = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);
        String team = "returns-" + Events.unique("t").substring(2, 10);
        teams.create(team, "返品チーム", "admin");
        long macro = macro(Map.of("team", team, "assignToMe", "false", "tag", "", "setStatus", "", "setPriority", ""));
        String reference = open(Events.unique("team") + "@example.jp", "返品の相談", "交換できますか。");

        desk.postForm(
                "/console/inquiries/" + reference,
                "/console/inquiries/" + reference + "/macro",
                Map.of("macro", String.valueOf(macro)));

        assertThat(inquiries.find(reference).orElseThrow().team()).isEqualTo(team);
        inquiries.resolve(reference, operator);
    }

    /** A macro made by the supervisor in the console; its id. */
    private long macro(Map<String, String> steps) {
        return madeInTheConsole("/console/macros", "inquiry_macro", new HashMap<>(steps));
    }

    /** A rule made by the supervisor in the console; its id. */
    private long automation(Map<String, String> fields) {
        return madeInTheConsole("/console/automations", "inquiry_automation", rule(fields));
    }

    /** Posts {@code form} under a unique name to the editor at {@code path}; the row's id in {@code table}. */
    private long madeInTheConsole(String path, String table, Map<String, String> form) {
        String name = "テスト " + Events.unique("n");
        form.put("name", name);
        HttpResponse<String> made = console.postForm(path, path, form);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        return jdbc.sql("select id from " + table + " where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private long count() {
        return jdbc.sql("select count(*) from inquiry_automation")
                .query(Long.class)
                .single();
    }

    private static Map<String, String> rule(Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(Map.of("enabled", "true"));
        form.putAll(fields);
        return form;
    }

    private InquiryStatus status(String reference) {
        return inquiries.find(reference).orElseThrow().status();
    }

    private String open(String email, String subject, String body) {
        Api.Answer answer =
                api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "山田 花子"},
                 "category": "PRODUCT", "subject": "%s", "body": "%s"}
                """.formatted(
                                email, subject, body)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("reference").asString();
    }
}
