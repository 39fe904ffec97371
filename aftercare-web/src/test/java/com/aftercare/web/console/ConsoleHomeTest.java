package com.aftercare.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
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

    @Autowired
    ClaimRequests requests;

    ConsoleClient admin;
    Api api;
    StorefrontId storefront;

    @BeforeEach
    void setUp() {
        admin = ConsoleClient.loggedInAsAdmin(port);
        TestStorefronts.TestStorefront shop = TestStorefronts.create(storefronts);
        storefront = shop.id();
        api = new Api(port, shop.key());
    }

    @Test
    void shouldCountOverdueDueSoonFlaggedAndUnassignedInquiriesButNotAPausedOne() {
        String before = admin.get("/console").body();

        String overdue = open();
        String dueSoon = open();
        String waiting = open();
        String waitingUnanswered = open();
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
        // waiting before any answer: the first-response clock still runs, so it is overdue
        inquiries.take(waitingUnanswered, "admin");
        inquiries.startWork(waitingUnanswered, "admin");
        inquiries.waitOnCustomer(waitingUnanswered, "admin");
        jdbc.sql("update inquiry set first_response_due_at = now() - interval '1 hour' where reference = :r")
                .param("r", waitingUnanswered)
                .update();
        String after = admin.get("/console").body();

        assertThat(count(after, "overdue") - count(before, "overdue"))
                .as("the answered waiting one is paused, the unanswered one is not")
                .isEqualTo(2);
        assertThat(count(after, "due-soon") - count(before, "due-soon")).isEqualTo(1);
        assertThat(count(after, "flagged") - count(before, "flagged")).isEqualTo(1);
        // assignment rules of other tests may route new inquiries: compare with the database
        assertThat(count(after, "unassigned") - count(before, "unassigned"))
                .isEqualTo(ours("i.assignee_operator_id is null", overdue, dueSoon, waiting, waitingUnanswered));
        assertThat(count(after, "mine") - count(before, "mine"))
                .isEqualTo(ours("o.username = 'admin'", overdue, dueSoon, waiting, waitingUnanswered))
                .isGreaterThanOrEqualTo(2);
        assertThat(count(after, "active") - count(before, "active")).isEqualTo(4);
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

    private long ours(String condition, String... references) {
        return jdbc.sql("select count(*) from inquiry i left join operator o on o.id = i.assignee_operator_id"
                        + " where i.reference in (:references) and " + condition)
                .param("references", java.util.List.of(references))
                .query(Long.class)
                .single();
    }

    private static long count(String page, String id) {
        Matcher m =
                Pattern.compile("id=\"count-" + id + "\"><a [^>]*>(\\d+)</a>").matcher(page);
        assertThat(m.find()).as("count-" + id + " on the page").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void shouldCountTheOpenClaimsInEachStatus() {
        long before = claimsRequested(admin.get("/console").body());

        ClaimFixtures.TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2026-11-20T12:00:00+09:00");
        ClaimFixtures.policy(jdbc, order.shirt(), "return_window_days", "3650");
        requests.open(new ClaimRequests.OpenClaim(
                storefront,
                order.number(),
                RequestType.RETURN,
                ReturnReason.SIZE,
                java.util.List.of(new ClaimRequests.LineRequest(order.shirt(), 1, null)),
                null,
                null,
                false,
                ClaimChannel.API,
                null,
                null,
                ClaimRequests.CUSTOMER));

        String after = admin.get("/console").body();
        assertThat(claimsRequested(after) - before).isEqualTo(1);
        assertThat(after).contains("href=\"/console/claims?status=REQUESTED\"");
    }

    private static long claimsRequested(String page) {
        Matcher m = Pattern.compile("id=\"claims-REQUESTED\">\\s*<a [^>]*>[^<]*: (\\d+)</a>")
                .matcher(page);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
