package com.aftercare.web.stepmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryOpened;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryResolved;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.order.OrderEvents.OrderShipped;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.Publications;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
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
 * The default follow-up programme on a delivered order, with time driven by a clock the test
 * controls: the right mails, at the right shop-time, none in quiet hours, none for a cancelled
 * order, and no promotional mail without consent.
 *
 * <p>The test clock stays in the past: the dispatcher compares due times with the database's own
 * clock (the one clock every instance shares), so a mail "due" in the test's future would wait.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class StepMailScenarioTest {

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
    Inquiries inquiries;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    Api api;

    @BeforeEach
    void storefront() {
        api = new Api(port, TestStorefronts.create(storefronts).key());
    }

    @Test
    void shouldScheduleTheDefaultStepsInShopTimeAndSendEachOnceAtADecentHour() {
        String email = Events.unique("steps") + "@example.jp";
        String number = Events.unique("S");
        clock.setJst("2025-11-20T10:00");
        api.postEvent(Events.placed(Events.unique("evt"), number, email));
        api.postEvent(Events.shipped(Events.unique("evt"), number, "2025-11-20T15:00:00+09:00", "4000-1111-2222"));
        api.postEvent(Events.progressed(Events.unique("evt"), "order.delivered", number, "2025-11-21T11:00:00+09:00"));

        Map<String, String> due =
                await().atMost(Duration.ofSeconds(20)).until(() -> dueTimes(email), d -> d.size() == 6);
        assertThat(due)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "shipping-notice", "2025-11-20T15:00+09:00",
                        "arrival-check", "2025-11-22T10:00+09:00",
                        "anything-wrong", "2025-11-24T10:00+09:00",
                        "usage-tips", "2025-11-28T10:00+09:00",
                        "review-request", "2025-12-05T10:00+09:00",
                        "repeat-coupon", "2025-12-21T10:00+09:00"));

        clock.setJst("2025-11-22T09:59");
        runSchedulerAndDispatcher();
        assertThat(TestMailServer.subjectsTo(email))
                .anyMatch(s -> s.contains("発送しました"))
                .noneMatch(s -> s.contains("届きましたか"));
        assertThat(TestMailServer.textsTo(email))
                .anyMatch(t -> t.contains("4000-1111-2222") && t.contains("オーガニックコットンTシャツ"));

        clock.setJst("2025-11-22T10:00");
        runSchedulerAndDispatcher();
        assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("届きましたか"));

        // due at 10:00 on the 24th, but the scheduler first looks at 22:00: quiet hours hold it till 09:00
        clock.setJst("2025-11-24T22:00");
        runSchedulerAndDispatcher();
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("気になる点"));
        assertThat(dueTimes(email).get("anything-wrong")).isEqualTo("2025-11-25T09:00+09:00");
        clock.setJst("2025-11-25T09:00");
        runSchedulerAndDispatcher();
        assertThat(TestMailServer.subjectsTo(email))
                .filteredOn(s -> s.contains("気になる点"))
                .hasSize(1);

        clock.setJst("2025-12-31T12:00");
        runSchedulerAndDispatcher();
        runSchedulerAndDispatcher();
        assertThat(statusOf(email, "review-request")).isEqualTo("SKIPPED");
        assertThat(statusOf(email, "repeat-coupon")).isEqualTo("SKIPPED");
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("ご感想") || s.contains("クーポン"));
        // thanks + shipping notice + 3 after-delivery service mails, each exactly once
        assertThat(TestMailServer.subjectsTo(email)).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void shouldCancelTheWaitingMailsOfACancelledOrder() {
        String email = Events.unique("cancel") + "@example.jp";
        String number = Events.unique("S");
        clock.setJst("2025-11-20T10:00");
        api.postEvent(Events.placed(Events.unique("evt"), number, email));
        api.postEvent(Events.shipped(Events.unique("evt"), number, "2025-11-20T11:00:00+09:00", "4000-0000-0001"));
        await().atMost(Duration.ofSeconds(20)).until(() -> dueTimes(email), d -> d.size() == 1);

        api.postEvent(Events.progressed(Events.unique("evt"), "order.cancelled", number, "2025-11-20T11:30:00+09:00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(statusOf(email, "shipping-notice")));

        clock.setJst("2025-11-21T12:00");
        runSchedulerAndDispatcher();
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("発送しました"));
    }

    @Test
    void shouldScheduleNoShippingNoticeWhenTheCancellationWasHeardBeforeTheShipment() {
        String email = Events.unique("cancel-first") + "@example.jp";
        String number = Events.unique("S");
        clock.setJst("2025-11-20T10:00");
        api.postEvent(Events.placed(Events.unique("evt"), number, email));
        api.postEvent(Events.progressed(Events.unique("evt"), "order.cancelled", number, "2025-11-20T11:30:00+09:00"));
        awaitListener("ScenarioEnrolment", "OrderCancelled", orderMarker(number));

        // the shipment's listener runs last, as when order.shipped and order.cancelled came back to back
        String tracking = Events.unique("late");
        transactions.executeWithoutResult(status -> publisher.publishEvent(new OrderShipped(
                new OrderId(orderId(number)),
                new CustomerId(customerId(email)),
                Instant.parse("2025-11-20T02:00:00Z"),
                "yamato",
                tracking)));
        awaitListener("ScenarioEnrolment", "OrderShipped", tracking);

        assertThat(dueTimes(email))
                .as("a cancelled order enrols in no order scenario")
                .isEmpty();
    }

    @Test
    void shouldNotSendTheShippingNoticeOfAnOrderCancelledAfterItWasScheduled() {
        String email = Events.unique("cancel-late") + "@example.jp";
        String number = Events.unique("S");
        clock.setJst("2025-11-20T10:00");
        api.postEvent(Events.placed(Events.unique("evt"), number, email));
        api.postEvent(Events.shipped(Events.unique("evt"), number, "2025-11-20T11:00:00+09:00", "4000-0000-0003"));
        await().atMost(Duration.ofSeconds(20)).until(() -> dueTimes(email), d -> d.size() == 1);
        // the cancellation's listener ran before the shipment's enrolment was committed, and found
        // nothing to cancel: only the order itself says it is cancelled
        jdbc.sql("update customer_order set status = 'CANCELLED', cancelled_at = now() where order_number = :n")
                .param("n", number)
                .update();

        clock.setJst("2025-11-21T12:00");
        runSchedulerAndDispatcher();

        assertThat(statusOf(email, "shipping-notice")).isEqualTo("CANCELLED");
        assertThat(reasonOf(email, "shipping-notice")).isEqualTo("order cancelled");
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("発送しました"));
    }

    @Test
    void shouldWithdrawTheShippingNoticeFromTheOutboxWhenTheOrderIsCancelledRightAfterItWasQueued() {
        String email = Events.unique("cancel-queued") + "@example.jp";
        String number = Events.unique("S");
        clock.setJst("2025-11-20T10:00");
        api.postEvent(Events.placed(Events.unique("evt"), number, email));
        api.postEvent(Events.shipped(Events.unique("evt"), number, "2025-11-20T11:00:00+09:00", "4000-0000-0004"));
        await().atMost(Duration.ofSeconds(20)).until(() -> dueTimes(email), d -> d.size() == 1);
        clock.setJst("2025-11-20T12:00");
        while (scheduler.runDue() > 0) {
            // queue it, but let no dispatcher send it yet
        }
        assertThat(statusOf(email, "shipping-notice")).isEqualTo("ENQUEUED");

        api.postEvent(Events.progressed(Events.unique("evt"), "order.cancelled", number, "2025-11-20T12:05:00+09:00"));
        awaitListener("ScenarioEnrolment", "OrderCancelled", orderMarker(number));
        while (dispatcher.dispatchDue() > 0) {
            // send whatever is still queued
        }

        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("発送しました"));
    }

    @Test
    void shouldHoldHowIsTheProductMailWhileAnInquiryAboutTheOrderIsOpenAndResumeAfter() {
        String email = Events.unique("hold") + "@example.jp";
        String number = Events.unique("S");
        clock.setJst("2025-11-20T10:00");
        api.postEvent(Events.placed(Events.unique("evt"), number, email));
        api.postEvent(Events.progressed(Events.unique("evt"), "order.delivered", number, "2025-11-21T11:00:00+09:00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> dueTimes(email), d -> d.size() == 5);
        String inquiry = """
                {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "山田 花子"},
                 "orderNumber": "%s", "category": "PRODUCT", "subject": "商品に傷があります",
                 "body": "届いたマグカップの縁が欠けていました。"}
                """.formatted(email, number);
        String reference = api.post(
                        "/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString(inquiry))
                .json()
                .get("reference")
                .asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from step_mail_hold h join customer_order o on o.id = h.order_id"
                                        + " where o.order_number = :n and h.released_at is null")
                                .param("n", number)
                                .query(Long.class)
                                .single()
                        == 1);

        clock.setJst("2025-11-24T10:00");
        runSchedulerAndDispatcher();
        assertThat(statusOf(email, "anything-wrong")).isEqualTo("HELD");
        assertThat(statusOf(email, "arrival-check"))
                .as("a step without the hold rule still goes")
                .isEqualTo("ENQUEUED");
        assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("気になる点"));

        inquiries.resolve(reference, "admin");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SCHEDULED".equals(statusOf(email, "anything-wrong")));
        runSchedulerAndDispatcher();

        assertThat(TestMailServer.subjectsTo(email))
                .filteredOn(s -> s.contains("気になる点"))
                .hasSize(1);
    }

    @Test
    void shouldLeaveNoHoldWhenAnInquirysResolutionIsHeardBeforeItsOpening() {
        String email = Events.unique("resolved-first") + "@example.jp";
        String number = Events.unique("S");
        api.postEvent(Events.placed(Events.unique("evt"), number, email));
        OrderId order = new OrderId(orderId(number));
        CustomerId customer = new CustomerId(customerId(email));
        String reference = Events.unique("INQ");
        InquiryId inquiry = new InquiryId(Math.abs(reference.hashCode()) + 1_000_000_000L);
        Instant at = Instant.parse("2025-11-20T01:00:00Z");

        // the resolution's listener runs first, the opening's after it
        transactions.executeWithoutResult(status ->
                publisher.publishEvent(new InquiryResolved(inquiry, reference, customer, null, order, "admin", at)));
        awaitListener("OrderHolds", "InquiryResolved", reference);
        transactions.executeWithoutResult(status -> publisher.publishEvent(
                new InquiryOpened(inquiry, reference, customer, null, order, "PHONE", "PRODUCT", null, at, false)));
        awaitListener("OrderHolds", "InquiryOpened", reference);

        assertThat(jdbc.sql("select count(*) from step_mail_hold where order_id = :order and released_at is null")
                        .param("order", order.value())
                        .query(Long.class)
                        .single())
                .as("a hold nothing would ever release")
                .isZero();
    }

    private void runSchedulerAndDispatcher() {
        while (scheduler.runDue() > 0) {
            // rounds until nothing is due
        }
        while (dispatcher.dispatchDue() > 0) {
            // send everything queued
        }
    }

    private Map<String, String> dueTimes(String email) {
        return jdbc
                .sql("""
                        select st.template, m.due_at from step_mail m
                          join enrolment e on e.id = m.enrolment_id
                          join customer c on c.id = e.customer_id
                          join scenario_step st on st.id = m.step_id
                         where c.email_normalized = :email
                        """)
                .param("email", email)
                .query((rs, i) -> Map.entry(
                        rs.getString(1),
                        OffsetDateTime.ofInstant(rs.getTimestamp(2).toInstant(), java.time.ZoneId.of("Asia/Tokyo"))
                                .toString()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Waits until the listener has handled the event whose stored form contains {@code marker}. */
    private void awaitListener(String listener, String event, Object marker) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Publications.completed(jdbc, listener, event, marker) > 0);
    }

    /** How an event names the order in the event publication registry. */
    private String orderMarker(String number) {
        return "\"order\":{\"value\":" + orderId(number) + "}";
    }

    private long orderId(String number) {
        return jdbc.sql("select id from customer_order where order_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    private long customerId(String email) {
        return jdbc.sql("select id from customer where email_normalized = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    private String reasonOf(String email, String template) {
        return jdbc.sql("""
                        select m.reason from step_mail m
                          join enrolment e on e.id = m.enrolment_id
                          join customer c on c.id = e.customer_id
                          join scenario_step st on st.id = m.step_id
                         where c.email_normalized = :email and st.template = :template
                        """)
                .param("email", email)
                .param("template", template)
                .query(String.class)
                .single();
    }

    private String statusOf(String email, String template) {
        return jdbc.sql("""
                        select m.status from step_mail m
                          join enrolment e on e.id = m.enrolment_id
                          join customer c on c.id = e.customer_id
                          join scenario_step st on st.id = m.step_id
                         where c.email_normalized = :email and st.template = :template
                        """)
                .param("email", email)
                .param("template", template)
                .query(String.class)
                .single();
    }
}
