package com.aftercare.web.stepmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.claim.ClaimEvents.ClaimDetails;
import com.aftercare.domain.claim.ClaimEvents.ClaimOpened;
import com.aftercare.domain.claim.ClaimEvents.ClaimResolved;
import com.aftercare.domain.claim.ClaimId;
import com.aftercare.domain.claim.ClaimOutcome;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimRefunds;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.Publications;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a claim's outcome does to the default follow-up of its order (delivered 21 November 2025,
 * usage tips due on the 28th at 10:00), on the real database and SMTP server, with the claim
 * worked through the returns module's own facades and step mail hearing only its events: a
 * refunded product is left out of the usage tips, a whole order refunded ends the scenario, an
 * exchange starts the tips again for the new variant, and a rejected claim resumes what it held
 * with the product still in it; and a claim whose outcome is heard before its opening leaves no hold.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ClaimOutcomeStepMailTest {

    static final String DELIVERED = "2025-11-21T11:00:00+09:00";
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    StepMailScheduler scheduler;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    ClaimRequests requests;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    ClaimRefunds refunds;

    @Autowired
    Operators operators;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    Api api;
    TestStorefront storefront;
    String operator;
    TestOrder order;

    @BeforeEach
    void deliveredOrderWithTips() {
        clock.setJst("2025-11-22T12:00");
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(operator, "{noop}x", "担当 " + operator, Operators.Role.OPERATOR);
        order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        tips(order.shirt(), "シャツは裏返して洗ってください。");
        tips(order.mug(), "マグは電子レンジでもお使いいただけます。");
        // the shipping notice and the five steps after delivery
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting().size() == 6);
    }

    @Test
    void shouldLeaveARefundedProductOutOfTheUsageTipsAndKeepTheOther() {
        String rma = open(RequestType.RETURN, ReturnReason.SIZE, Map.of(order.mug(), 1), null);
        refundInFull(rma);
        ClaimFixtures.awaitOutcomeHeard(jdbc, rma);

        clock.setJst("2025-11-28T10:00");
        runSchedulerAndDispatcher();

        assertThat(textsWith("スタッフおすすめ"))
                .singleElement()
                .asString()
                .contains("シャツは裏返して洗ってください。")
                .doesNotContain("マグは電子レンジ")
                .doesNotContain("有田焼マグカップ");
    }

    @Test
    void shouldEndTheOrdersScenarioWhenEveryProductIsRefunded() {
        String rma = open(RequestType.RETURN, ReturnReason.SIZE, Map.of(order.shirt(), 2, order.mug(), 1), null);
        refundInFull(rma);
        ClaimFixtures.awaitOutcomeHeard(jdbc, rma);

        assertThat(waiting())
                .as("nothing of the order's scenario waits any more")
                .isEmpty();
        assertThat(reasonsOf("CANCELLED")).containsOnly("the whole order was sent back");
        clock.setJst("2025-12-31T12:00");
        runSchedulerAndDispatcher();
        assertThat(TestMailServer.subjectsTo(order.email()))
                .noneMatch(s -> s.contains("スタッフおすすめ") || s.contains("気になる点"));
    }

    @Test
    void shouldStartTheUsageTipsAgainForTheVariantAnExchangeSent() {
        String variant = order.shirt() + "-L";
        tips(variant, "Lサイズは丈が長めです。");
        ClaimFixtures.policy(jdbc, order.shirt(), "return_window_days, exchange_allowed", "30, true");
        String rma = open(RequestType.EXCHANGE, ReturnReason.SIZE, Map.of(order.shirt(), 2), variant);
        workflow.approve(rma, operator, null);
        workflow.awaitItem(rma, operator);
        workflow.receive(rma, operator);
        workflow.inspect(rma, operator, null, false);
        clock.setJst("2025-11-23T15:00");
        workflow.shipExchange(rma, operator, "4000-9999-0001");
        ClaimFixtures.awaitOutcomeHeard(jdbc, rma);

        assertThat(waiting())
                .as("the order's own tips, and the exchange's seven days after it was shipped")
                .containsEntry("usage-tips", List.of("2025-11-28T10:00+09:00", "2025-11-30T10:00+09:00"));

        clock.setJst("2025-11-28T10:00");
        runSchedulerAndDispatcher();
        assertThat(textsWith("スタッフおすすめ"))
                .singleElement()
                .asString()
                .contains("マグは電子レンジでもお使いいただけます。")
                .doesNotContain("シャツは裏返して");

        clock.setJst("2025-11-30T10:00");
        runSchedulerAndDispatcher();
        assertThat(textsWith("スタッフおすすめ"))
                .hasSize(2)
                .last()
                .asString()
                .contains("Lサイズは丈が長めです。")
                .doesNotContain("マグは電子レンジ");
    }

    @Test
    void shouldResumeTheHeldMailWithTheProductInItWhenTheClaimIsRejected() {
        String rma = open(RequestType.RETURN, ReturnReason.SIZE, Map.of(order.mug(), 1), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> activeHolds() == 1);
        clock.setJst("2025-11-28T10:00");
        runSchedulerAndDispatcher();
        assertThat(reasonsOf("HELD")).isNotEmpty();
        assertThat(textsWith("スタッフおすすめ")).isEmpty();

        workflow.reject(rma, operator, "ご使用の形跡があるため、お受けできません。");
        ClaimFixtures.awaitOutcomeHeard(jdbc, rma);
        runSchedulerAndDispatcher();

        assertThat(textsWith("スタッフおすすめ"))
                .singleElement()
                .asString()
                .contains("マグは電子レンジでもお使いいただけます。")
                .contains("シャツは裏返して洗ってください。");
    }

    @Test
    void shouldPlaceNoHoldWhenTheClaimsOpeningIsHeardAfterItsOutcome() {
        String rma = "RMA-2025-" + UUID.randomUUID().toString().substring(0, 8);
        OrderId orderId = new OrderId(jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", order.number())
                .query(Long.class)
                .single());
        CustomerId customer = new CustomerId(jdbc.sql("select customer_id from customer_order where id = :id")
                .param("id", orderId.value())
                .query(Long.class)
                .single());
        ClaimDetails details = new ClaimDetails(order.number(), "REJECTED", "JPY", List.of(), null, null, null);
        Instant at = clock.instant();

        // the outcome's listener runs first, the opening's after it
        transactions.executeWithoutResult(status -> publisher.publishEvent(new ClaimResolved(
                new ClaimId(-1),
                rma,
                RequestType.RETURN,
                storefront.id(),
                orderId,
                customer,
                ClaimOutcome.REJECTED,
                at,
                details)));
        ClaimFixtures.awaitOutcomeHeard(jdbc, rma);
        transactions.executeWithoutResult(status -> publisher.publishEvent(new ClaimOpened(
                new ClaimId(-1),
                rma,
                RequestType.RETURN,
                ReturnReason.SIZE,
                storefront.id(),
                orderId,
                customer,
                at,
                details)));
        Publications.awaitCompletedOnce(jdbc, "OrderHolds", "ClaimOpened", rma);

        assertThat(activeHolds()).as("a hold nothing would ever release").isZero();
    }

    private String open(RequestType type, ReturnReason reason, Map<String, Integer> lines, String exchangeSku) {
        return requests.open(new ClaimRequests.OpenClaim(
                        storefront.id(),
                        order.number(),
                        type,
                        reason,
                        lines.entrySet().stream()
                                .map(l -> new ClaimRequests.LineRequest(l.getKey(), l.getValue(), exchangeSku))
                                .toList(),
                        null,
                        null,
                        false,
                        ClaimChannel.API,
                        null,
                        null,
                        ClaimRequests.CUSTOMER))
                .rma();
    }

    private void refundInFull(String rma) {
        workflow.approve(rma, operator, null);
        workflow.awaitItem(rma, operator);
        workflow.receive(rma, operator);
        workflow.inspect(rma, operator, null, false);
        refunds.refund(new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.FULL, 0, 0, null));
    }

    private void tips(String sku, String text) {
        jdbc.sql("insert into product_tip (sku, tips, updated_by) values (:sku, :tips, 'test')")
                .param("sku", sku)
                .param("tips", text)
                .update();
    }

    private void runSchedulerAndDispatcher() {
        while (scheduler.runDue() > 0) {
            // rounds until nothing is due
        }
        while (dispatcher.dispatchDue() > 0) {
            // send everything queued
        }
    }

    private List<String> textsWith(String subjectPart) {
        return TestMailServer.receivedBy(order.email()).stream()
                .filter(m -> TestMailServer.subjectOf(m).contains(subjectPart))
                .map(TestMailServer::textOf)
                .toList();
    }

    /** The order's waiting step mails: due times (shop time) by template. */
    private Map<String, List<String>> waiting() {
        return jdbc
                .sql("""
                        select st.template, m.due_at from step_mail m
                          join enrolment e on e.id = m.enrolment_id
                          join customer_order o on o.id = e.order_id
                          join scenario_step st on st.id = m.step_id
                         where o.order_number = :number and m.status in ('SCHEDULED', 'HELD')
                         order by m.due_at
                        """)
                .param("number", order.number())
                .query((rs, i) -> Map.entry(
                        rs.getString(1),
                        OffsetDateTime.ofInstant(rs.getTimestamp(2).toInstant(), TOKYO)
                                .toString()))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private List<String> reasonsOf(String status) {
        return jdbc.sql("""
                        select m.reason from step_mail m
                          join enrolment e on e.id = m.enrolment_id
                          join customer_order o on o.id = e.order_id
                         where o.order_number = :number and m.status = :status
                        """)
                .param("number", order.number())
                .param("status", status)
                .query(String.class)
                .list();
    }

    private long activeHolds() {
        return jdbc.sql("""
                        select count(*) from step_mail_hold h join customer_order o on o.id = h.order_id
                         where o.order_number = :number and h.released_at is null
                        """).param("number", order.number()).query(Long.class).single();
    }
}
