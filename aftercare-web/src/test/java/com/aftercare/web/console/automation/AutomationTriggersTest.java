package com.aftercare.web.console.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Automations;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryTags;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The event and time automations end to end: rules saved through the console editor, inquiries
 * opened through the storefront API, the effect read back (priority, tags, the supervisor's mail
 * in GreenMail), each rule firing once per occasion and the list showing when it last fired. Every
 * rule is limited to this test's storefront, so the shared database's other inquiries are untouched.
 *
 * <p>Event rules run after the commit on another thread; a catch-all rule saved last (rules run in
 * creation order) tags every inquiry "seen", so once that tag is there the rules before it have
 * decided, and a rule that did not act is asserted without waiting on a timer.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class AutomationTriggersTest {

    private static final Duration ASYNC = Duration.ofSeconds(20);

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
    InquiryTags tags;

    @Autowired
    Automations automations;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    TestStorefronts.TestStorefront storefront;
    Api api;
    String supervisor;
    ConsoleClient console;
    final List<Long> rules = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clock.setJst("2026-11-23T10:00"); // a Monday
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        supervisor = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        operators.setTestMailAddress(supervisor, supervisor + "@staff.example.jp");
        console = ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD);
    }

    @AfterEach
    void deleteRulesAndCloseInquiries() {
        rules.forEach(id -> automations.delete(id, supervisor));
        // left open, they would be breached at the next SLA run of any test and mail every supervisor
        TestInquiries.closeAllOf(jdbc, storefront.id());
    }

    @Test
    void shouldRaiseAndTagAnInquiryOpenedThroughTheApiThatMentionsAFaultOnce() {
        String name = "破損は優先 " + Events.unique("r");
        long rule = save(Map.of(
                "name", name,
                "trigger", "CREATED",
                "words", "壊れ、破損, ＧＡＳ漏れ",
                "setPriority", "HIGH",
                "tag", "破損"));
        saveCatchAll();

        String broken = api.openInquiry(Events.unique("broken") + "@example.jp", null, "届いたマグカップが壊れていました。");
        // full-width in the rule, half-width and lower case from the customer: NFKC and case folded
        String gas = api.openInquiry(Events.unique("gas") + "@example.jp", null, "gas漏れのような臭いがします。");
        String plain = api.openInquiry(Events.unique("plain") + "@example.jp", null, "配送日を変更できますか。");
        String fromPortal = throughThePortal("箱が破損して届きました。");
        seen(broken, gas, plain, fromPortal);
        assertThat(priority(fromPortal)).as("the portal's contact form").isEqualTo("HIGH");
        assertThat(tags.of(fromPortal)).contains("破損");

        assertThat(priority(broken)).isEqualTo("HIGH");
        assertThat(tags.of(broken)).contains("破損");
        assertThat(priority(gas)).isEqualTo("HIGH");
        assertThat(priority(plain)).isEqualTo("NORMAL");
        assertThat(tags.of(plain)).doesNotContain("破損");
        assertThat(inquiries.find(broken).orElseThrow().trail())
                .anyMatch(t -> t.actor().equals("automation:" + name));

        // the customer writes again and the time rules run: a CREATED rule does not fire again
        clock.setJst("2026-11-23T11:00");
        inquiries.reply(new Inquiries.Reply(broken, supervisor, "ご迷惑をおかけしております。"));
        assertThat(api.postJson("/api/v1/inquiries/" + broken + "/messages", "{\"body\": \"写真を送ります。\"}")
                        .status())
                .isEqualTo(201);
        automations.runDue();
        assertThat(automations.find(rule).orElseThrow().fired()).isEqualTo(3);

        String row = row(console.get("/console/automations").body(), rule);
        assertThat(row).contains(name).contains("2026-11-23 10:00");
        assertThat(row).containsPattern("class=\"num fired\">3<");
    }

    @Test
    void shouldRaiseTheInquiriesOfCustomersWhoseOrdersAddUpToTheValueWithoutCountingCancelledOrders() {
        long rule = save(Map.of(
                "name", "上得意様 " + Events.unique("r"),
                "trigger", "CREATED",
                "minCustomerValue", "7000",
                "setPriority", "URGENT"));
        saveCatchAll();
        // each order is 2 × 1,800 + 2,400 yen of goods and 550 yen shipping: one is under 7,000 yen, two are over
        String repeat = customerWithOrders(2, 0);
        String once = customerWithOrders(1, 0);
        String cancelled = customerWithOrders(2, 1);

        String fromRepeat = api.openInquiry(repeat, null, "次回の入荷はいつですか。");
        String fromOnce = api.openInquiry(once, null, "次回の入荷はいつですか。");
        String fromCancelled = api.openInquiry(cancelled, null, "次回の入荷はいつですか。");
        String fromNobody = api.openInquiry(Events.unique("new") + "@example.jp", null, "次回の入荷はいつですか。");
        seen(fromRepeat, fromOnce, fromCancelled, fromNobody);

        assertThat(priority(fromRepeat)).isEqualTo("URGENT");
        assertThat(priority(fromOnce)).isEqualTo("NORMAL");
        assertThat(priority(fromCancelled)).isEqualTo("NORMAL");
        assertThat(priority(fromNobody)).isEqualTo("NORMAL");
        assertThat(automations.find(rule).orElseThrow().fired()).isEqualTo(1);
    }

    @Test
    void shouldFlagAndMailTheSupervisorsOnceAnHourBeforeTheFirstResponseIsDue() {
        String name = "SLA間近 " + Events.unique("r");
        long rule = save(Map.of(
                "name", name,
                "trigger", "TIME",
                "timeSince", "FIRST_RESPONSE_DUE",
                "timeAmount", "1",
                "timeUnit", "HOURS",
                "flagReason", "初回返信の期限が近づいています",
                "notifySupervisors", "true"));
        String reference = api.openInquiry(Events.unique("due") + "@example.jp", null, "注文した商品が届きません。");
        String answered = api.openInquiry(Events.unique("answered") + "@example.jp", null, "注文した商品が届きません。");
        inquiries.reply(new Inquiries.Reply(answered, supervisor, "確認いたします。"));
        String to = supervisor + "@staff.example.jp";

        clock.setJst("2026-11-23T16:30"); // NORMAL: first response due at 18:00, more than an hour away
        automations.runDue();
        dispatcher.dispatchDue();
        assertThat(inquiries.find(reference).orElseThrow().flagged()).isFalse();
        assertThat(TestMailServer.subjectsTo(to)).noneMatch(s -> s.contains(reference));

        clock.setJst("2026-11-23T17:15");
        automations.runDue();
        clock.setJst("2026-11-23T17:45");
        automations.runDue();
        clock.setJst("2026-11-23T18:30"); // breached now: still the same due time, so no second mail
        automations.runDue();
        dispatcher.dispatchDue();

        assertThat(inquiries.find(reference).orElseThrow().flagged()).isTrue();
        assertThat(inquiries.find(answered).orElseThrow().flagged()).isFalse();
        assertThat(TestMailServer.receivedBy(to))
                .filteredOn(m -> TestMailServer.textOf(m).contains(reference))
                .hasSize(1)
                .allMatch(m -> TestMailServer.textOf(m).contains(name));
        assertThat(TestMailServer.receivedBy(to))
                .noneMatch(m -> TestMailServer.textOf(m).contains(answered));
        assertThat(automations.find(rule).orElseThrow().fired()).isEqualTo(1);
        assertThat(row(console.get("/console/automations").body(), rule)).contains("2026-11-23 17:15");
    }

    /** Saves a rule for this test's storefront through the editor; answers its id. */
    private long save(Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(Map.of(
                "enabled", "true", "storefront", String.valueOf(storefront.id().value())));
        form.putAll(fields);
        HttpResponse<String> created = console.postForm("/console/automations", "/console/automations", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        long id = jdbc.sql("select id from inquiry_automation where name = :n")
                .param("n", fields.get("name"))
                .query(Long.class)
                .single();
        rules.add(id);
        return id;
    }

    /** An inquiry sent with the portal's contact form about an order of this storefront; its reference. */
    private String throughThePortal(String body) {
        String email = Events.unique("portal") + "@example.jp";
        String number = Events.unique("F");
        assertThat(api.postEvent(Events.placed(Events.unique("evt"), number, email))
                        .status())
                .isEqualTo(200);
        String subject = "破損について " + Events.unique("s");
        HttpResponse<String> sent = new ConsoleClient(port)
                .postForm(
                        "/portal/contact",
                        "/portal/contact",
                        Map.of(
                                "email",
                                email,
                                "name",
                                "山田 花子",
                                "orderNumber",
                                number,
                                "subject",
                                subject,
                                "body",
                                body));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        return jdbc.sql("select reference from inquiry where subject = :s and storefront_id = :f")
                .param("s", subject)
                .param("f", storefront.id().value())
                .query(String.class)
                .single();
    }

    private void saveCatchAll() {
        save(Map.of("name", "既読 " + Events.unique("r"), "trigger", "CREATED", "tag", "seen"));
    }

    private void seen(String... references) {
        for (String reference : references) {
            await().atMost(ASYNC).until(() -> tags.of(reference).contains("seen"));
        }
    }

    private String priority(String reference) {
        return inquiries.find(reference).orElseThrow().priority().name();
    }

    /** A customer of this storefront with {@code orders} orders, the first {@code cancelled} of them cancelled. */
    private String customerWithOrders(int orders, int cancelled) {
        String email = Events.unique("value") + "@example.jp";
        for (int i = 0; i < orders; i++) {
            String number = Events.unique("V");
            assertThat(api.postEvent(Events.placed(Events.unique("evt"), number, email))
                            .status())
                    .isEqualTo(200);
            if (i < cancelled) {
                assertThat(api.postEvent(Events.progressed(
                                        Events.unique("evt"), "order.cancelled", number, "2026-11-23T11:00:00+09:00"))
                                .status())
                        .isEqualTo(200);
            }
        }
        return email;
    }

    private static String row(String page, long rule) {
        int start = page.indexOf("id=\"automation-" + rule + "\"");
        assertThat(start).as("the rule's row").isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
