package com.aftercare.web.console.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.BankAccount;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimQueue;
import com.aftercare.returns.ClaimRefunds;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.Claims;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The claims pages over HTTP: who may do what (roles, CSRF), field messages for bad refund input
 * with nothing written, refused steps as a message, the queue and the customer's timeline.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ClaimConsoleHttpTest {

    static final String PASSWORD = "claims-パスワード-1";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Claims claims;

    @Autowired
    ClaimRequests requests;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    ClaimRefunds refunds;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClaimQueue queue;

    @Autowired
    TestClock clock;

    TestStorefront storefront;
    Api api;
    ConsoleClient admin;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        admin = ConsoleClient.loggedInAsAdmin(port);
    }

    String open(TestOrder order, String sku, int quantity) {
        return requests.open(new ClaimRequests.OpenClaim(
                        storefront.id(),
                        order.number(),
                        RequestType.RETURN,
                        ReturnReason.SIZE,
                        List.of(new ClaimRequests.LineRequest(sku, quantity, null)),
                        null,
                        "サイズが合いませんでした",
                        false,
                        ClaimChannel.PORTAL,
                        null,
                        null,
                        ClaimRequests.CUSTOMER))
                .rma();
    }

    String inspected(TestOrder order) {
        String rma = open(order, order.shirt(), 2);
        workflow.approve(rma, "admin", null);
        workflow.awaitItem(rma, "admin");
        workflow.receive(rma, "admin");
        workflow.inspect(rma, "admin", null, false);
        return rma;
    }

    ConsoleClient loggedIn(Operators.Role role) {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(username, passwords.encode(PASSWORD), "担当 " + username, role);
        return ConsoleClient.loggedInAs(port, username, PASSWORD);
    }

    @Test
    void shouldListTheClaimInTheQueueAndShowItsPageWithTheCustomerMasked() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = open(order, order.mug(), 1);

        // the whole suite's claims share the queue: search for this order's
        String queue = admin.get("/console/claims?status=REQUESTED&q=" + order.number())
                .body();
        String page = admin.get("/console/claims/" + rma).body();

        assertThat(queue).contains(rma).contains("山田 花子").doesNotContain(order.email());
        assertThat(Jsoup.parse(queue).select("#claim-" + rma + " td.status .badge.status-badge.info"))
                .extracting(Element::text)
                .containsExactly("受付");
        assertThat(Jsoup.parse(page).select("#status .badge.status-badge.info"))
                .extracting(Element::text)
                .containsExactly("受付");
        assertThat(page)
                .contains(order.number())
                .contains("有田焼マグカップ")
                .contains("2025-11-28までお申し込みいただけます")
                .contains("サイズが合いませんでした")
                .doesNotContain(order.email());
    }

    @Test
    void shouldRefuseBadRefundInputOnItsFieldAndWriteNothing() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = inspected(order);
        String page = "/console/claims/" + rma;

        HttpResponse<String> tooMuch =
                admin.postForm(page, page + "/refund", Map.of("kind", "PARTIAL", "amount", "3601"));
        HttpResponse<String> notANumber =
                admin.postForm(page, page + "/refund", Map.of("kind", "FULL", "restockingPercent", "十"));
        HttpResponse<String> overHundred =
                admin.postForm(page, page + "/refund", Map.of("kind", "FULL", "restockingPercent", "101"));

        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("amount-error").contains("返金額は0円から対象商品の金額までです");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("restockingPercent-error");
        assertThat(overHundred.statusCode()).isEqualTo(400);
        assertThat(overHundred.body()).contains("100以下で入力してください");
        assertThat(claims.byRma(rma).orElseThrow().refund()).isNull();
    }

    @Test
    void shouldAnswerARefusedStepWithAMessageNotAnErrorPage() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = open(order, order.mug(), 1);
        String page = "/console/claims/" + rma;

        HttpResponse<String> receive = admin.postForm(page, page + "/receive", Map.of());

        assertThat(receive.statusCode()).isEqualTo(302);
        assertThat(admin.get(page).body()).contains("現在の状態ではこの操作はできません");
        assertThat(claims.byRma(rma).orElseThrow().history()).hasSize(1);
    }

    @Test
    void shouldRequireACsrfTokenAndALogin() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = open(order, order.mug(), 1);

        assertThat(admin.postWithoutToken("/console/claims/" + rma + "/approve", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(new ConsoleClient(port).get("/console/claims/" + rma).statusCode())
                .isEqualTo(302);
        assertThat(claims.byRma(rma).orElseThrow().history()).hasSize(1);
    }

    @Test
    void shouldShowTheBankAccountMaskedAndInFullOnlyToASupervisorWithAnAuditEntry() {
        TestOrder order = ClaimFixtures.delivered(api, "COD", false, "2025-11-21T11:00:00+09:00");
        String rma = open(order, order.mug(), 1);
        refunds.provideBankAccount(
                rma,
                new BankAccount(
                        "三井住友銀行", "0009", "渋谷支店", "654", BankAccount.AccountType.ORDINARY, "7654321", "ヤマダ ハナコ"));
        String page = "/console/claims/" + rma;
        ConsoleClient operator = loggedIn(Operators.Role.OPERATOR);
        ConsoleClient supervisor = loggedIn(Operators.Role.SUPERVISOR);

        assertThat(operator.get(page).body()).contains("三井住友銀行 渋谷支店 普通 ****321").doesNotContain("7654321");
        assertThat(operator.postForm(page, page + "/bank-account", Map.of()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> revealed = supervisor.postForm(page, page + "/bank-account", Map.of());

        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).contains("7654321").contains("ヤマダ ハナコ");
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action = 'claim.bank-account.revealed' and target_id = :rma")
                        .param("rma", rma)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shouldPageThroughTheQueueOldestFirstWithEveryClaimOnce() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        clock.setJst("2025-11-25T09:00");
        String first = open(order, order.shirt(), 1);
        clock.setJst("2025-11-25T09:30");
        String second = open(order, order.shirt(), 1);
        String third = open(order, order.mug(), 1);

        // every claim of the whole suite is in this queue: walk it in small pages, keep ours
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            ClaimQueue.Page page = queue.page(ClaimStatus.REQUESTED, after, 7);
            page.items().forEach(i -> seen.add(i.rma()));
            after = page.next();
        } while (after != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().filter(r -> r.equals(first) || r.equals(second) || r.equals(third)))
                .containsExactly(first, second, third);
    }

    @Test
    void shouldAnswerAnUnknownClaimWithTheNotFoundPage() {
        assertThat(admin.get("/console/claims/RMA-2025-999999999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/console/claims?after=not-a-cursor").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldPutTheClaimOnTheCustomersTimeline() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        String rma = open(order, order.mug(), 1);
        long customer = claims.byRma(rma).orElseThrow().customer().value();

        assertThat(admin.get("/console/customers/" + customer).body())
                .contains(rma)
                .contains("/console/claims/" + rma);
    }
}
