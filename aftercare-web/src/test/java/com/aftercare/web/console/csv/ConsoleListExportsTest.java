package com.aftercare.web.console.csv;

import static com.aftercare.web.console.csv.CsvExportTest.MS932;
import static com.aftercare.web.console.csv.CsvExportTest.parse;
import static com.aftercare.web.console.csv.CsvExportTest.rows;
import static com.aftercare.web.console.csv.CsvExportTest.strictly;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.mail.outbox.MailSuppressions;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.Priority;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console lists that had no file get one, over a real port: the audit trail (the search's
 * whole result, not the page shown), newsletters with their figures, bouncing addresses and the
 * callbacks list; each audited, linked from its page, and a bad filter refused with a 400.
 */
@AftercareIntegrationTest
class ConsoleListExportsTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    MailSuppressions suppressions;

    @Autowired
    Inquiries inquiries;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient admin;
    TestStorefront storefront;

    @BeforeEach
    void setUp() {
        admin = ConsoleClient.loggedInAsAdmin(port);
        storefront = TestStorefronts.create(storefronts);
    }

    @AfterEach
    void tearDown() {
        TestInquiries.closeAllOf(jdbc, storefront.id());
    }

    @Test
    void shouldExportTheWholeAuditTrailTheSearchFindsNotTheOnePageShown() throws Exception {
        String actor = Events.unique("auditor");
        for (int i = 0; i < 60; i++) {
            // no real customer's id (they are positive): other tests count the reveals of their customer
            audit.record(actor, "customer.revealed", "customer", String.valueOf(-1 - i), Map.of("field", "email"));
        }
        audit.record(actor, "operator.created", "operator", "someone", Map.of());

        List<CSVRecord> csv = rows(admin.download("/console/admin/audit/export?action=customer.&actor=" + actor));
        String page = admin.get("/console/admin/audit?action=customer.&actor=" + actor)
                .body();

        assertThat(csv.get(0).values()).containsExactly("日時", "操作者", "操作者のコード", "操作", "操作のコード", "対象", "詳細");
        assertThat(csv).hasSize(61); // the page shows 50 and offers the older ones
        assertThat(csv.stream().skip(1).map(r -> r.get(4))).containsOnly("customer.revealed");
        assertThat(csv.get(1).get(2)).isEqualTo(actor);
        assertThat(csv.get(1).get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(page)
                .contains("id=\"audit-older\"")
                .contains("href=\"/console/admin/audit/export?actor=" + actor + "&amp;action=customer.")
                .doesNotContain("/console/admin/audit/export?before");
        Map<String, Object> entry = jdbc.sql("""
                        select target_id, details->'filter'->>'actor' as actor, (details->>'rows')::int as rows
                          from audit_log where actor = 'admin' and action = 'csv.exported' and target_id = 'audit'
                         order by id desc limit 1
                        """).query().singleRow();
        assertThat(entry).containsEntry("actor", actor).containsEntry("rows", 60);
    }

    @Test
    void shouldRefuseAnAuditSearchItCannotReadWithA400AndNoFile() {
        for (String bad : List.of("from=yesterday", "from=2026-12-05&to=2026-12-01")) {
            HttpResponse<byte[]> csv = admin.download("/console/admin/audit/export?" + bad);

            assertThat(csv.statusCode()).as(bad).isEqualTo(400);
            assertThat(csv.headers().firstValue("Content-Disposition")).as(bad).isEmpty();
        }
    }

    @Test
    void shouldExportNewslettersWithTheirFiguresInWordsAndInShiftJis() throws Exception {
        String subject = "冬の新作のお知らせ " + Events.unique("n");
        jdbc.sql("""
                        insert into newsletter (subject, text_body, language, send_at, rate_per_minute, status, recipients,
                                                over_cap, created_by)
                        values (:subject, '本文', 'ja', timestamptz '2026-11-20 11:00:00+09', 100, 'SENT', 12, 'SKIP', 'admin')
                        """).param("subject", subject).update();
        String supervisor = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        ConsoleClient supervisors = ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD);

        List<CSVRecord> csv = rows(supervisors.download("/console/marketing/newsletters/export"));
        HttpResponse<byte[]> sjis = supervisors.download("/console/marketing/newsletters/export?charset=sjis");

        CSVRecord row =
                csv.stream().filter(r -> r.get(0).equals(subject)).findFirst().orElseThrow();
        assertThat(row.get(1)).isEqualTo("2026-11-20 11:00");
        assertThat(row.get(2)).isEqualTo("配信済み");
        assertThat(row.get(4)).isEqualTo("12");
        assertThat(row.get(9)).isEqualTo("日本語");
        assertThat(parse(strictly(MS932, sjis.body())))
                .anySatisfy(r -> assertThat(r.get(0)).isEqualTo(subject));
        assertThat(supervisors
                        .download("/console/marketing/newsletters/export?charset=latin-1")
                        .statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql("""
                        select count(*) from audit_log
                         where actor = :actor and action = 'csv.exported' and target_id = 'newsletters'
                        """).param("actor", supervisor).query(Long.class).single())
                .isEqualTo(2);
        assertThat(supervisors.get("/console/marketing/newsletters").body())
                .contains("href=\"/console/marketing/newsletters/export\"");
    }

    @Test
    void shouldExportEveryBouncingAddressToSupervisors() throws Exception {
        String address = Events.unique("gone") + "@example.jp";
        suppressions.recordHardBounce(address, "550 5.1.1 no such user", "smtp");

        List<CSVRecord> csv = rows(admin.download("/console/stepmail/bounces/export"));

        assertThat(csv.get(0).get(0)).isEqualTo("アドレス");
        assertThat(csv).anySatisfy(r -> {
            assertThat(r.get(0)).isEqualTo(address);
            assertThat(r.get(2)).isEqualTo("550 5.1.1 no such user");
        });
        assertThat(admin.get("/console/stepmail/bounces").body()).contains("href=\"/console/stepmail/bounces/export\"");
    }

    @Test
    void shouldExportTheCallbacksListToOperatorsWithOverdueOnesSaidInWords() throws Exception {
        String operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        ConsoleClient console = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);
        String reference = inquiries
                .open(new Inquiries.OpenInquiry(
                        storefront.id(),
                        Channel.PHONE,
                        Events.unique("call") + "@example.jp",
                        "高橋 美咲",
                        "090-1234-5678",
                        null,
                        Category.SHIPPING,
                        Priority.NORMAL,
                        "配送状況の確認",
                        "本文",
                        operator))
                .reference();
        // the state a call logged yesterday with a callback for this morning leaves (logCall wants a future time)
        jdbc.sql("""
                        update inquiry set callback_wanted = true, phone_caller = '高橋 美咲（ご本人）',
                                           callback_at = now() - interval '1 minute'
                         where reference = :reference
                        """).param("reference", reference).update();

        List<CSVRecord> csv = rows(console.download("/console/callbacks/export"));

        CSVRecord row =
                csv.stream().filter(r -> r.get(2).equals(reference)).findFirst().orElseThrow();
        assertThat(row.get(1)).isEqualTo("期限超過");
        assertThat(row.get(3)).isEqualTo("高橋 美咲（ご本人）");
        assertThat(row.get(4)).isEqualTo("高橋 美咲");
        assertThat(row.get(6)).isEqualTo("未割り当て");
        assertThat(jdbc.sql("select count(*) from audit_log where actor = :actor and target_id = 'callbacks'")
                        .param("actor", operator)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(console.get("/console/callbacks").body()).contains("href=\"/console/callbacks/export\"");
        assertThat(console.download("/console/callbacks/export?charset=ebcdic").statusCode())
                .isEqualTo(400);
    }
}
