package com.aftercare.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.AftercareApplication;
import com.aftercare.domain.claim.ClaimEvents.ClaimApproved;
import com.aftercare.domain.claim.ClaimEvents.ClaimDetails;
import com.aftercare.domain.claim.ClaimId;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.consent.MarketingConsent;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryOpened;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.domain.webhook.WebhookAllowedHosts;
import com.aftercare.domain.webhook.WebhookDeliveries;
import com.aftercare.domain.webhook.WebhookDispatcher;
import com.aftercare.domain.webhook.WebhookSubscriptions;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestEnvironment;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outgoing webhooks over real HTTP on real PostgreSQL: subscriptions through the API (scoped to
 * the key's storefront, bad input as problems that write nothing, SSRF refused), deliveries
 * signed as Standard Webhooks and checked by an in-process receiver, retried on 500 and on a
 * timeout, stopped by 410, never sent twice by two racing dispatchers, and not lost when the app
 * stops between an attempt and the next.
 */
@AftercareIntegrationTest
@TestPropertySource(
        properties = {
            "aftercare.webhooks.dispatcher.request-timeout=1s",
            "aftercare.webhooks.dispatcher.connect-timeout=1s"
        })
class WebhooksTest {

    private static final String PATH = "/api/v1/webhook-subscriptions";

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    WebhookAllowedHosts allowedHosts;

    @Autowired
    WebhookSubscriptions subscriptions;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Coupons coupons;

    @Autowired
    MarketingConsent consent;

    TestStorefront storefront;
    Api api;
    TestReceiver receiver;

    @BeforeEach
    void setUp() {
        allowedHosts.add("127.0.0.1", "test");
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        receiver = new TestReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    /** Subscribes the receiver through the API and hands it the secret. */
    long subscribe(String... events) {
        Api.Answer answer =
                api.postJson(PATH, "{\"url\": \"" + receiver.url() + "\", \"events\": " + json(events) + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        receiver.secret(answer.json().get("secret").asString());
        return answer.json().get("id").asLong();
    }

    /** An approved claim of the test's storefront, published as the returns module does, in a transaction. */
    void claimApproved(String rma) {
        ClaimDetails details = new ClaimDetails(
                "A-" + rma,
                "APPROVED",
                "JPY",
                List.of(new ClaimDetails.Line(1, "SHIRT-M", "シャツ M", 2, 1800, 3600, "SHIRT-L")),
                new ClaimDetails.Refund("REFUND", "TO_PAYMENT", "CARD", null, null, null, null, null),
                null,
                null);
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new ClaimApproved(
                        new ClaimId(1),
                        rma,
                        RequestType.EXCHANGE,
                        storefront.id(),
                        new OrderId(1),
                        new CustomerId(1),
                        Instant.now(),
                        details)));
    }

    String statusOf(long subscription) {
        return jdbc.sql(
                        "select coalesce(string_agg(status, ',' order by id), '') from webhook_delivery where subscription_id = :s")
                .param("s", subscription)
                .query((rs, row) -> rs.getString(1))
                .single();
    }

    void dueNow(long subscription) {
        jdbc.sql(
                        "update webhook_delivery set next_attempt_at = now() where subscription_id = :s and status = 'PENDING'")
                .param("s", subscription)
                .update();
    }

    @Test
    void shouldDeliverAClaimSignedWithItsLinesAndAnIdThatStaysTheSameOnRetry() {
        long id = subscribe("claim.approved");
        receiver.answer(500);
        claimApproved("RMA-W-1");

        dispatcher.dispatchDue();
        assertThat(statusOf(id)).isEqualTo("PENDING");
        Instant next = jdbc.sql("select next_attempt_at from webhook_delivery where subscription_id = :s")
                .param("s", id)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(Duration.between(Instant.now(), next)).isLessThanOrEqualTo(Duration.ofMinutes(1));
        dueNow(id);
        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo("DELIVERED");
        List<TestReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(2);
        assertThat(got).allMatch(TestReceiver.Received::signatureValid);
        assertThat(got.get(0).id()).isEqualTo(got.get(1).id()).startsWith("msg_");
        assertThat(got.get(1).body())
                .contains("\"type\":\"claim.approved\"")
                .contains("\"rma\":\"RMA-W-1\"")
                .contains("\"exchangeSku\":\"SHIRT-L\"")
                .contains("\"route\":\"TO_PAYMENT\"");
        WebhookDeliveries.Delivery shown =
                deliveries.recent(storefront.id(), 10).get(0);
        assertThat(shown.attempts()).isEqualTo(2);
        assertThat(shown.lastStatus()).isEqualTo(200);
    }

    @Test
    void shouldSendNothingForEventsNotSubscribed() {
        long id = subscribe("coupon.issued");
        claimApproved("RMA-W-2");
        assertThat(statusOf(id)).isEmpty();
    }

    @Test
    void shouldStopOnGoneAndDisableTheSubscription() {
        long id = subscribe("claim.approved");
        receiver.answer(410);
        claimApproved("RMA-W-3");
        claimApproved("RMA-W-4");

        dispatcher.dispatchDue();

        assertThat(receiver.received()).hasSize(1);
        assertThat(statusOf(id)).isEqualTo("FAILED,CANCELLED");
        assertThat(subscriptions.of(storefront.id()).get(0).live()).isFalse();
        claimApproved("RMA-W-5");
        assertThat(statusOf(id)).isEqualTo("FAILED,CANCELLED");
    }

    @Test
    void shouldCountATimeoutAsAFailedAttempt() {
        long id = subscribe("claim.approved");
        receiver.delay(2500);
        claimApproved("RMA-W-6");

        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select last_error from webhook_delivery where subscription_id = :s")
                        .param("s", id)
                        .query(String.class)
                        .single())
                .startsWith("timeout");
        receiver.delay(0);
        dueNow(id);
        dispatcher.dispatchDue();
        assertThat(statusOf(id)).isEqualTo("DELIVERED");
    }

    @Test
    @Timeout(60) // a guard against the hang this test is about, not a speed check
    void shouldRecordTheStatusWhenAReceiverGoesQuietInTheMiddleOfItsAnswer() {
        long id = subscribe("claim.approved");
        receiver.stallBody(30_000);
        claimApproved("RMA-W-STALL");

        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo("DELIVERED");
        assertThat(jdbc.sql("select last_response from webhook_delivery where subscription_id = :s")
                        .param("s", id)
                        .query(String.class)
                        .single())
                .contains("no answer body");
    }

    @Test
    void shouldSendNothingMoreForASubscriptionDeletedWhileADeliveryWasOut() {
        long id = subscribe("claim.approved");
        claimApproved("RMA-W-GONE");
        // another instance claimed it and died: its lease has run out
        jdbc.sql("""
                        update webhook_delivery set status = 'DELIVERING', claimed_by = 'dead-instance',
                                                    lease_until = now() - interval '1 minute'
                         where subscription_id = :s
                        """).param("s", id).update();
        assertThat(api.delete(PATH + "/" + id).status()).isEqualTo(204);

        dispatcher.dispatchDue();

        assertThat(receiver.received()).isEmpty();
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
    }

    @Test
    void shouldGiveUpWhenTheRetryWindowCloses() {
        long id = subscribe("claim.approved");
        receiver.answer(503);
        claimApproved("RMA-W-7");
        jdbc.sql("update webhook_delivery set give_up_at = now() + interval '5 seconds' where subscription_id = :s")
                .param("s", id)
                .update();

        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo("FAILED");
    }

    @Test
    void shouldNotDeliverTwiceWithTwoDispatchersRacing() throws Exception {
        long id = subscribe("claim.approved");
        int n = 120;
        for (int i = 0; i < n; i++) {
            claimApproved("RMA-R-" + i);
        }
        WebhookDispatcher one = dispatcher.as("racer-1", Duration.ofMinutes(2));
        WebhookDispatcher two = dispatcher.as("racer-2", Duration.ofMinutes(2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (WebhookDispatcher d : List.of(one, two)) {
                rounds.add(pool.submit((Callable<Integer>) () -> {
                    int sent = 0;
                    int claimed;
                    while ((claimed = d.dispatchDue()) > 0) {
                        sent += claimed;
                    }
                    return sent;
                }));
            }
            for (Future<Integer> round : rounds) {
                round.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<TestReceiver.Received> got = receiver.received();
        Set<String> ids = new HashSet<>();
        got.forEach(r -> ids.add(r.id()));
        assertThat(got).hasSize(n);
        assertThat(ids).hasSize(n);
        assertThat(statusOf(id).split(",")).hasSize(n).containsOnly("DELIVERED");
    }

    @Test
    void shouldDeliverAfterTheAppStoppedBetweenAttemptsOrDiedHoldingTheClaim() {
        ConfigurableApplicationContext first = new SpringApplicationBuilder(AftercareApplication.class)
                .initializers(new TestEnvironment())
                .properties("server.port=0")
                .run();
        long id;
        try {
            WebhookSubscriptions firstSubscriptions = first.getBean(WebhookSubscriptions.class);
            WebhookSubscriptions.Created created =
                    firstSubscriptions.subscribe(storefront.id(), receiver.url(), List.of("claim.approved"), "test");
            id = created.subscription().id();
            receiver.secret(created.secret());
            receiver.answer(503);
            ApplicationEventPublisher firstEvents = first;
            TransactionTemplate firstTransactions =
                    new TransactionTemplate(first.getBean(PlatformTransactionManager.class));
            firstTransactions.executeWithoutResult(s -> firstEvents.publishEvent(approved("RMA-X-1")));
            // the first attempt gets a 503 and is due again in about 30 s, when the app is gone
            first.getBean(WebhookDispatcher.class)
                    .as("first", Duration.ofMinutes(2))
                    .dispatchDue();
            firstTransactions.executeWithoutResult(s -> firstEvents.publishEvent(approved("RMA-X-2")));
            // the second delivery is held by an instance that dies mid-send: its claim runs out
            jdbc.sql("""
                            update webhook_delivery set status = 'DELIVERING', claimed_by = 'killed',
                                   lease_until = now() - interval '1 second'
                             where subscription_id = :s and status = 'PENDING' and attempts = 0
                            """).param("s", id).update();
        } finally {
            first.close();
        }
        assertThat(statusOf(id)).isEqualTo("PENDING,DELIVERING");

        dueNow(id);
        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo("DELIVERED,DELIVERED");
        assertThat(receiver.received().stream().filter(r -> r.answered() == 200))
                .hasSize(2)
                .allMatch(TestReceiver.Received::signatureValid);
    }

    @Test
    void shouldTellAnInquiryOnlyToItsStorefrontOrItsOrdersNeverToEveryStorefrontThatKnowsTheCustomer() {
        long id = subscribe("inquiry.opened");
        String email = Events.unique("inq") + "@example.jp";
        String number = Events.unique("W");
        Api.Answer placed = api.postEvent(Events.placed(Events.unique("evt"), number, email));
        assertThat(placed.status()).as(placed.body()).isBetween(200, 299);
        CustomerId customer = new CustomerId(jdbc.sql("select id from customer where email = :e")
                .param("e", email)
                .query(Long.class)
                .single());
        OrderId order = new OrderId(jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", number)
                .query(Long.class)
                .single());

        // opened in the console about no order: the customer's storefront is not told
        inquiryOpened("INQ-W-1", customer, null);
        // about the storefront's order: it is
        inquiryOpened("INQ-W-2", customer, order);
        dispatcher.dispatchDue();

        assertThat(receiver.received())
                .singleElement()
                .extracting(TestReceiver.Received::body)
                .asString()
                .contains("INQ-W-2");
    }

    private void inquiryOpened(String reference, CustomerId customer, OrderId order) {
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new InquiryOpened(
                        new InquiryId(reference.hashCode() & 0xffff),
                        reference,
                        customer,
                        null,
                        order,
                        "PHONE",
                        "PRODUCT",
                        null,
                        Instant.now(),
                        false)));
    }

    @Test
    void shouldTellTheStorefrontsOfAnOptOutAndOfANewCouponWithTheCustomersEmail() {
        long id = subscribe("customer.opted_out", "coupon.issued");
        String email = Events.unique("optout") + "@example.jp";
        Api.Answer placed = api.postEvent(Events.placed(Events.unique("evt"), Events.unique("W"), email));
        assertThat(placed.status()).as(placed.body()).isBetween(200, 299);
        CustomerId customer = new CustomerId(jdbc.sql("select id from customer where email = :e")
                .param("e", email)
                .query(Long.class)
                .single());

        coupons.issueStoreCredit(customer, storefront.id(), 1_800, "claim:" + email);
        consent.withdraw(customer, Instant.now(), "test");
        dispatcher.dispatchDue();

        assertThat(statusOf(id)).isEqualTo("DELIVERED,DELIVERED");
        List<String> bodies =
                receiver.received().stream().map(TestReceiver.Received::body).toList();
        assertThat(bodies.get(0))
                .contains("\"type\":\"coupon.issued\"")
                .contains("\"discountValue\":1800")
                .contains(email);
        assertThat(bodies.get(1)).contains("\"type\":\"customer.opted_out\"").contains(email);
    }

    private ClaimApproved approved(String rma) {
        return new ClaimApproved(
                new ClaimId(2),
                rma,
                RequestType.RETURN,
                storefront.id(),
                new OrderId(2),
                new CustomerId(2),
                Instant.now(),
                new ClaimDetails("A-2", "APPROVED", "JPY", List.of(), null, null, null));
    }

    @Test
    void shouldRefuseTargetsThatPointInwardOrAreNotHttpsAndWriteNothing() {
        assertRefused("https://127.0.0.2/hook", "loopback");
        assertRefused("https://10.1.2.3/hook", "private");
        assertRefused("https://192.168.1.1/hook", "private");
        assertRefused("https://169.254.169.254/latest/meta-data", "link-local");
        assertRefused("https://100.64.0.1/hook", "carrier-grade NAT");
        assertRefused("https://[::1]/hook", "loopback");
        assertRefused("https://[fd00::1]/hook", "unique local");
        assertRefused("https://0.0.0.0/hook", "unspecified");
        assertRefused("http://shop.example.jp/hook", "https");
        assertRefused("ftp://shop.example.jp/hook", "https");
        assertRefused("https://user:pw@shop.example.jp/hook", "user name");
        assertThat(subscriptions.of(storefront.id())).isEmpty();
    }

    @Test
    void shouldAcceptALoopbackHostOnceAnAdministratorAllowsIt() {
        assertRefused("https://127.0.0.3/hook", "loopback");
        allowedHosts.add("127.0.0.3", "test-admin");
        try {
            Api.Answer answer =
                    api.postJson(PATH, "{\"url\": \"http://127.0.0.3:9/hook\", \"events\": [\"claim.closed\"]}");
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.json().get("secret").asString()).startsWith("whsec_");
        } finally {
            allowedHosts.remove("127.0.0.3", "test-admin");
        }
    }

    @Test
    void shouldAnswerProblemsForBadInputNamingTheField() {
        assertProblem(
                "{\"url\": \"" + receiver.url() + "\", \"events\": [\"claim.approved\", \"claim.eaten\"]}",
                "events[1]");
        assertProblem("{\"url\": \"" + receiver.url() + "\", \"events\": []}", "events");
        assertProblem("{\"events\": [\"claim.approved\"]}", "url");
        assertProblem("{\"url\": \"not a url\", \"events\": [\"claim.approved\"]}", "url");
        assertProblem("{\"url\": 5, \"events\": \"claim.approved\"}", null);
        assertProblem("not json", "body");
        assertThat(subscriptions.of(storefront.id())).isEmpty();
        assertThat(api.delete(PATH + "/abc").status()).isEqualTo(400);
    }

    @Test
    void shouldKeepSubscriptionsToTheirStorefront() {
        long id = subscribe("claim.approved");
        TestStorefront other = TestStorefronts.create(storefronts);
        Api otherApi = new Api(port, other.key());

        assertThat(otherApi.get(PATH).json().size()).isZero();
        Api.Answer foreign = otherApi.delete(PATH + "/" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();

        Api.Answer mine = api.get(PATH);
        assertThat(mine.json().size()).isEqualTo(1);
        assertThat(mine.body()).doesNotContain("secret").doesNotContain("whsec_");
        assertThat(api.delete(PATH + "/" + id).status()).isEqualTo(204);
        assertThat(api.get(PATH).json().size()).isZero();
        assertThat(api.delete(PATH + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void shouldStoreTheSecretSealed() {
        long id = subscribe("claim.approved");
        byte[] stored = jdbc.sql("select secret_enc from webhook_subscription where id = :id")
                .param("id", id)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("whsec_");
    }

    private void assertRefused(String url, String reason) {
        Api.Answer answer = api.postJson(PATH, "{\"url\": \"" + url + "\", \"events\": [\"claim.approved\"]}");
        assertThat(answer.status()).as(url + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("url");
        assertThat(answer.body()).as(url).contains(reason);
    }

    private void assertProblem(String body, String field) {
        Api.Answer answer = api.postJson(PATH, body);
        assertThat(answer.status()).as(body + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        if (field != null) {
            assertThat(answer.json().get("errors").get(0).get("field").asString())
                    .isEqualTo(field);
        }
    }

    private static String json(String... events) {
        return "["
                + String.join(
                        ",",
                        java.util.Arrays.stream(events)
                                .map(e -> "\"" + e + "\"")
                                .toList()) + "]";
    }
}
