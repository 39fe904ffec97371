package com.aftercare.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's landing page counts today's work. The database is shared with other tests, so
 * each check compares the counts before and after this test's own inquiries.
 */
@AftercareIntegrationTest
class ConsoleHomeTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Inquiries inquiries;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient admin;
    Api api;

    @BeforeEach
    void setUp() {
        admin = ConsoleClient.loggedInAsAdmin(port);
        api = new Api(port, TestStorefronts.create(storefronts).key());
    }

    @Test
    void shouldCountOverdueDueSoonFlaggedAndUnassignedInquiriesButNotAPausedOne() {
        String before = admin.get("/console").body();

        String overdue = open();
        String dueSoon = open();
        String waiting = open();
        jdbc.sql("update inquiry set first_response_due_at = now() - interval '1 hour' where reference = :r")
                .param("r", overdue)
                .update();
        jdbc.sql("update inquiry set first_response_due_at = now() + interval '30 minutes' where reference = :r")
                .param("r", dueSoon)
                .update();
        inquiries.flag(overdue, "強い口調", "admin");
        inquiries.assign(new Inquiries.Assign(waiting, "admin", "admin"));
        inquiries.reply(new Inquiries.Reply(waiting, "admin", "お写真をお送りいただけますか。"));
        inquiries.waitOnCustomer(waiting, "admin");
        jdbc.sql("update inquiry set resolution_due_at = now() - interval '1 hour' where reference = :r")
                .param("r", waiting)
                .update();
        String after = admin.get("/console").body();

        assertThat(count(after, "overdue") - count(before, "overdue"))
                .as("the waiting one is paused, not overdue")
                .isEqualTo(1);
        assertThat(count(after, "due-soon") - count(before, "due-soon")).isEqualTo(1);
        assertThat(count(after, "flagged") - count(before, "flagged")).isEqualTo(1);
        // assignment rules of other tests may route new inquiries: compare with the database
        assertThat(count(after, "unassigned") - count(before, "unassigned"))
                .isEqualTo(ours(overdue, dueSoon, waiting, "i.assignee_operator_id is null"));
        assertThat(count(after, "mine") - count(before, "mine"))
                .isEqualTo(ours(overdue, dueSoon, waiting, "o.username = 'admin'"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count(after, "active") - count(before, "active")).isEqualTo(3);
    }

    private String open() {
        return api.postJson("/api/v1/inquiries", """
                        {"channel": "EMAIL", "customer": {"email": "%s", "name": "佐藤 一郎"},
                         "subject": "ホーム画面", "body": "確認です。"}
                        """.formatted(Events.unique("home") + "@example.jp"))
                .json()
                .get("reference")
                .asString();
    }

    private long ours(String a, String b, String c, String condition) {
        return jdbc.sql("select count(*) from inquiry i left join operator o on o.id = i.assignee_operator_id"
                        + " where i.reference in (:a, :b, :c) and " + condition)
                .param("a", a)
                .param("b", b)
                .param("c", c)
                .query(Long.class)
                .single();
    }

    private static long count(String page, String id) {
        Matcher m =
                Pattern.compile("id=\"count-" + id + "\"><a [^>]*>(\\d+)</a>").matcher(page);
        assertThat(m.find()).as("count-" + id + " on the page").isTrue();
        return Long.parseLong(m.group(1));
    }
}
