package com.aftercare.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.audit.AuditLog;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestOperators;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The audit page searches the whole trail by who, what, whom and when, and pages through it. */
@AftercareIntegrationTest
class AuditSearchTest {

    static final Pattern TARGET = Pattern.compile("<td>thing (t-\\d+)</td>");
    static final Pattern OLDER = Pattern.compile("id=\"audit-older\" href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Storefronts storefronts;

    String actor;
    ConsoleClient admin;

    @BeforeEach
    void anActorWith120Entries() {
        actor = Events.unique("auditor");
        for (int i = 0; i < 120; i++) {
            audit.record(actor, i % 2 == 0 ? "thing.made" : "thing.broken", "thing", "t-" + i, Map.of("n", i));
        }
        admin = ConsoleClient.loggedInAsAdmin(port);
    }

    @Test
    void shouldPageThroughEveryEntryOfAnActorNewestFirst() {
        Set<String> seen = new HashSet<>();
        String path = "/console/admin/audit?actor=" + actor.toUpperCase(java.util.Locale.ROOT);
        int pages = 0;
        String first = null;
        while (path != null) {
            HttpResponse<String> page = admin.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher target = TARGET.matcher(page.body());
            while (target.find()) {
                first = first == null ? target.group(1) : first;
                assertThat(seen.add(target.group(1))).as("each entry once").isTrue();
            }
            Matcher older = OLDER.matcher(page.body());
            path = older.find() ? older.group(1).replace("&amp;", "&") : null;
            pages++;
        }
        assertThat(seen).hasSize(120);
        assertThat(pages).isEqualTo(3);
        assertThat(first).as("newest first").isEqualTo("t-119");
    }

    @Test
    void shouldFindByActionBeginningAndByTarget() {
        String byAction = admin.get("/console/admin/audit?actor=" + actor + "&action=thing.bro")
                .body();
        String byTarget = admin.get("/console/admin/audit?targetType=thing&targetId=t-7&actor=" + actor)
                .body();

        assertThat(countTargets(byAction)).isEqualTo(50);
        assertThat(byAction).doesNotContain("thing.made");
        assertThat(countTargets(byTarget)).isEqualTo(1);
        assertThat(byTarget).contains("<td>thing t-7</td>");
    }

    @Test
    void shouldFindByDayAndNothingOutsideIt() {
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();

        assertThat(countTargets(admin.get("/console/admin/audit?actor=" + actor + "&from=" + tomorrow)
                        .body()))
                .isZero();
        assertThat(admin.get("/console/admin/audit?actor=" + actor + "&from=" + tomorrow)
                        .body())
                .contains("該当する記録はありません");
        assertThat(countTargets(admin.get("/console/admin/audit?actor=" + actor + "&to=" + tomorrow)
                        .body()))
                .isEqualTo(50);
    }

    @Test
    void shouldRefuseABadDateAnEndBeforeTheStartAndABadPage() {
        HttpResponse<String> badDate = admin.get("/console/admin/audit?from=2026-13-01");
        HttpResponse<String> backwards = admin.get("/console/admin/audit?from=2026-12-05&to=2026-12-01");
        HttpResponse<String> badPage = admin.get("/console/admin/audit?before=abc");

        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("2026-11-01 のような日付を入力してください");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("終了日は開始日以降にしてください");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("ページの指定が正しくありません");
    }

    @Test
    void shouldShowDetailsInTheOrderWrittenAndAStorefrontByItsName() {
        Storefronts.StorefrontView shop = storefronts.create(Events.unique("sf"), "こもれび 監査店");
        String writer = Events.unique("auditor");
        // jsonb would have put "storefront" (the longest key) last: the page must keep it first
        audit.record(
                writer,
                "newsletter.scheduled",
                "storefront",
                Long.toString(shop.id().value()),
                AuditLog.details("storefront", shop.id().value(), "subject", "年末のお知らせ", "sendAt", "2026-12-28T10:00"));

        String page = admin.get("/console/admin/audit?actor=" + writer).body();

        assertThat(page).contains("<td>ストア こもれび 監査店</td>");
        int storefront = page.indexOf("<li>ストア: こもれび 監査店</li>");
        int subject = page.indexOf("<li>件名: 年末のお知らせ</li>");
        int sendAt = page.indexOf("<li>配信日時: 2026-12-28T10:00</li>");
        assertThat(storefront).as("the storefront by its name").isPositive();
        assertThat(storefront).isLessThan(subject);
        assertThat(subject).isLessThan(sendAt);
    }

    @Test
    void shouldKeepTheTrailForAdmins() {
        String supervisor = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);

        assertThat(ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD)
                        .get("/console/admin/audit?actor=" + actor)
                        .statusCode())
                .isEqualTo(403);
    }

    private static int countTargets(String page) {
        int count = 0;
        Matcher target = TARGET.matcher(page);
        while (target.find()) {
            count++;
        }
        return count;
    }
}
