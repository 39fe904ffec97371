package com.aftercare.web.stepmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.claim.ClaimEvents.ClaimDetails;
import com.aftercare.domain.claim.ClaimEvents.ClaimResolved;
import com.aftercare.domain.claim.ClaimId;
import com.aftercare.domain.claim.ClaimOutcome;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.coupon.CampaignId;
import com.aftercare.domain.coupon.CouponPurpose;
import com.aftercare.domain.coupon.CouponRedemption;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.coupon.Discount;
import com.aftercare.domain.coupon.IssuedCoupon;
import com.aftercare.domain.coupon.NewCampaign;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.inquiry.InquiryEvents.InquiryResolved;
import com.aftercare.domain.inquiry.InquiryId;
import com.aftercare.domain.mail.MailTemplate;
import com.aftercare.domain.mail.MailTemplateCatalogue;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.order.OrderNumber;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.stepmail.scenario.ScenarioEditor;
import com.aftercare.stepmail.scenario.Scenarios;
import com.aftercare.stepmail.scenario.StepMailScheduler;
import com.aftercare.stepmail.scenario.StepPreview;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.Publications;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestScenarios;
import com.aftercare.web.support.TestScenarios.TestScenario;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scenarios started by a resolved claim or inquiry, on the real database and SMTP server with a
 * clock the test controls: enrolled once (even when the event comes twice), the step due counted
 * from the resolution, sent once with the claim's RMA or the inquiry's reference; and the
 * "coupons redeemed" figure of a step, counted from the codes its mails carried.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
class ResolutionTriggerTest {

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
    ScenarioEditor editor;

    @Autowired
    MailTemplateCatalogue catalogue;

    @Autowired
    Scenarios scenarios;

    @Autowired
    ClaimRequests requests;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    Inquiries inquiries;

    @Autowired
    Operators operators;

    @Autowired
    Coupons coupons;

    @Autowired
    StepPreview preview;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    TestStorefront storefront;
    Api api;
    TestScenario scenario;

    @BeforeEach
    void storefrontAndScenario() {
        clock.setJst("2025-11-25T10:00");
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        // "day 3 at 10:00" on a scenario limited to this test's storefront
        scenario = TestScenarios.afterDelivery(jdbc, storefront.id(), "TRANSACTIONAL");
    }

    @Test
    void shouldEnrolOnAResolvedClaimAndSendItsStepOnceOnDayThreeAfterTheResolution() {
        useTrigger("claim.resolved", "【[(${shopName})]】[(${claimRma})] のご対応について", """
                [(${customerName})] 様
                ご注文 [(${orderNumber})] の [(${claimRma})] は完了しました。""");
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        assertThat(preview.preview(scenario.id(), scenario.stepId(), order.number(), "ja")
                        .mail()
                        .text())
                .as("the preview renders a real order with a sample RMA")
                .contains("ご注文 " + order.number() + " の RMA-2026-000123 は完了しました");
        String operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(operator, "{noop}x", "担当 " + operator, Operators.Role.OPERATOR);
        String rma = requests.open(new ClaimRequests.OpenClaim(
                        storefront.id(),
                        order.number(),
                        RequestType.RETURN,
                        ReturnReason.NOT_AS_EXPECTED,
                        List.of(new ClaimRequests.LineRequest(order.mug(), 1, null)),
                        null,
                        null,
                        false,
                        ClaimChannel.API,
                        null,
                        null,
                        ClaimRequests.CUSTOMER))
                .rma();

        clock.setJst("2025-11-25T16:30");
        workflow.reject(rma, operator, "ご使用の形跡があるため、お受けできません。");

        String due = await().atMost(Duration.ofSeconds(20)).until(() -> dueOf(order.email()), d -> d != null);
        assertThat(due).isEqualTo("2025-11-28T10:00+09:00");

        republishAndAwait(
                new ClaimResolved(
                        new ClaimId(idOf("claim", "rma", rma)),
                        rma,
                        RequestType.RETURN,
                        storefront.id(),
                        new OrderId(idOf("customer_order", "order_number", order.number())),
                        new CustomerId(customerOf(order.email())),
                        ClaimOutcome.REJECTED,
                        Instant.parse("2025-11-26T01:00:00Z"),
                        new ClaimDetails(order.number(), "REJECTED", "JPY", List.of(), null, null, null)),
                rma);
        assertThat(enrolments()).as("a redelivered event enrols nobody twice").isEqualTo(1);
        assertThat(dueOf(order.email())).isEqualTo("2025-11-28T10:00+09:00");

        clock.setJst("2025-11-28T09:59");
        runSchedulerAndDispatcher();
        assertThat(TestMailServer.subjectsTo(order.email())).noneMatch(s -> s.contains(rma + " のご対応"));

        clock.setJst("2025-11-28T10:00");
        runSchedulerAndDispatcher();
        runSchedulerAndDispatcher();
        assertThat(TestMailServer.subjectsTo(order.email()))
                .filteredOn(s -> s.contains(rma + " のご対応"))
                .hasSize(1);
        assertThat(TestMailServer.textsTo(order.email()))
                .anyMatch(t -> t.contains("ご注文 " + order.number() + " の " + rma + " は完了しました"));
    }

    @Test
    void shouldEnrolOnAResolvedInquiryAndSendItsStepOnceWithTheReference() {
        useTrigger("inquiry.resolved", "【[(${shopName})]】お問い合わせ [(${inquiryReference})] について", """
                [(${customerName})] 様
                [# th:if="${orderNumber != ''}"]ご注文 [(${orderNumber})] [/]お問い合わせ [(${inquiryReference})]""");
        String email = Events.unique("resolved") + "@example.jp";
        String number = Events.unique("S");
        api.postEvent(Events.placed(Events.unique("evt"), number, email));
        String reference = openInquiry(email, number);
        String withoutOrderEmail = Events.unique("resolved") + "@example.jp";
        String withoutOrder = openInquiry(withoutOrderEmail, null);

        clock.setJst("2025-11-25T22:15");
        inquiries.resolve(reference, "admin");
        inquiries.resolve(withoutOrder, "admin");

        // day 3 counted in shop days from the resolution at 22:15 on the 25th
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> dueOf(email), d -> d != null))
                .isEqualTo("2025-11-28T10:00+09:00");
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> dueOf(withoutOrderEmail), d -> d != null))
                .as("an inquiry about no order matches a scenario without category, SKU or buyer rule")
                .isEqualTo("2025-11-28T10:00+09:00");

        republishAndAwait(
                new InquiryResolved(
                        new InquiryId(idOf("inquiry", "reference", reference)),
                        reference,
                        new CustomerId(customerOf(email)),
                        storefront.id(),
                        new OrderId(idOf("customer_order", "order_number", number)),
                        "admin",
                        Instant.parse("2025-11-27T01:00:00Z")),
                reference);
        assertThat(enrolments()).as("a redelivered event enrols nobody twice").isEqualTo(2);

        clock.setJst("2025-11-28T10:00");
        runSchedulerAndDispatcher();
        runSchedulerAndDispatcher();
        assertThat(TestMailServer.subjectsTo(email))
                .filteredOn(s -> s.contains("お問い合わせ " + reference))
                .hasSize(1);
        assertThat(TestMailServer.textsTo(email)).anyMatch(t -> t.contains("ご注文 " + number + " お問い合わせ " + reference));
        assertThat(TestMailServer.textsTo(withoutOrderEmail))
                .filteredOn(t -> t.contains("お問い合わせ " + withoutOrder))
                .hasSize(1)
                .noneMatch(t -> t.contains("ご注文"));
    }

    @Test
    void shouldSendAStepOfAScenarioForEveryStorefrontAsTheStorefrontTheCustomerAskedThrough() {
        useTrigger("inquiry.resolved", null, "【[(${shopName})]】お問い合わせ [(${inquiryReference})] について", """
                [(${customerName})] 様""");
        try {
            String email = Events.unique("anyshop") + "@example.jp";
            String reference = openInquiry(email, null);
            clock.setJst("2025-11-25T22:15");
            inquiries.resolve(reference, "admin");
            await().atMost(Duration.ofSeconds(20)).until(() -> dueOf(email), d -> d != null);

            clock.setJst("2025-11-28T10:00");
            runSchedulerAndDispatcher();

            assertThat(jdbc.sql("""
                            select storefront_id from outbound_mail
                             where to_address = :to and dedup_key like 'step:%'
                            """).param("to", email).query(Long.class).list())
                    .as("the inquiry's storefront, kept on the enrolment: its sender sends the mail")
                    .containsExactly(storefront.id().value());
        } finally {
            // a scenario for every storefront would enrol other tests' customers
            useTrigger("inquiry.resolved", storefront.id().value(), "件名 [(${inquiryReference})]", "本文");
        }
    }

    @Test
    void shouldCountTheStepsCouponsRedeemedAtLeastOnce() {
        for (int i = 0; i < 3; i++) {
            ClaimFixtures.delivered(api, "CARD", false, "2025-11-21T11:00:00+09:00");
        }
        await().atMost(Duration.ofSeconds(20)).until(this::stepMails, m -> m.size() == 3);
        CampaignId campaign = coupons.createCampaign(new NewCampaign(
                "リピート " + scenario.name(), CouponPurpose.PROMOTION, Discount.yen(300), 0, null, 30, false, null));
        // the codes the scheduler issues with the step's mails, under the same source
        List<IssuedCoupon> issued = stepMails().stream()
                .map(m -> coupons.issue(campaign, new CustomerId(m.customer()), "step-mail:" + m.id()))
                .toList();
        redeem(issued.get(0), "A-" + UUID.randomUUID());
        redeem(issued.get(0), "A-" + UUID.randomUUID()); // used twice: still one coupon redeemed
        redeem(issued.get(1), "A-" + UUID.randomUUID());
        // a code of the same customer from elsewhere is no coupon of this step
        redeem(
                coupons.issue(campaign, issued.get(2).customer(), "newsletter:" + scenario.id()),
                "A-" + UUID.randomUUID());

        Scenarios.Figures figures = scenarios.find(scenario.id()).steps().get(0).figures();
        assertThat(figures.couponsRedeemed()).isEqualTo(2);
        assertThat(figures.scheduled()).isEqualTo(3);
        assertThat(scenarios.list().stream()
                        .filter(s -> s.id() == scenario.id())
                        .findFirst()
                        .orElseThrow()
                        .figures()
                        .couponsRedeemed())
                .isEqualTo(2);
    }

    private void useTrigger(String trigger, String subject, String text) {
        useTrigger(trigger, storefront.id().value(), subject, text);
    }

    private void useTrigger(String trigger, Long audienceStorefront, String subject, String text) {
        editor.update(
                scenario.id(),
                new ScenarioEditor.ScenarioChange(
                        scenario.name(), trigger, new Scenarios.Audience(audienceStorefront, null, null, "ANY")),
                "admin");
        catalogue.save(scenario.template(), "ja", null, new MailTemplate(subject, text, null), "admin");
    }

    private String openInquiry(String email, String orderNumber) {
        String json = """
                {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "山田 花子"},
                 %s "category": "PRODUCT", "subject": "使い方について", "body": "使い方を教えてください。"}
                """.formatted(email, orderNumber == null ? "" : "\"orderNumber\": \"" + orderNumber + "\",");
        return api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString(json))
                .json()
                .get("reference")
                .asString();
    }

    private void redeem(IssuedCoupon coupon, String orderNumber) {
        coupons.redeem(new CouponRedemption(
                storefront.id(),
                coupon.code(),
                new OrderNumber(orderNumber),
                300,
                5000L,
                Instant.parse("2025-11-25T03:00:00Z"),
                null));
    }

    /** Publishes the event again, as a redelivery would, and waits until step mail has handled it. */
    private void republishAndAwait(Object event, String marker) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));
        // the first delivery and this one
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Publications.completed(
                                jdbc, "ScenarioEnrolment", event.getClass().getSimpleName(), marker)
                        == 2);
    }

    private record StepMail(long id, long customer) {}

    private List<StepMail> stepMails() {
        return jdbc.sql("""
                        select m.id, e.customer_id from step_mail m join enrolment e on e.id = m.enrolment_id
                         where e.scenario_id = :scenario order by m.id
                        """)
                .param("scenario", scenario.id())
                .query((rs, i) -> new StepMail(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    private long enrolments() {
        return jdbc.sql("select count(*) from enrolment where scenario_id = :scenario")
                .param("scenario", scenario.id())
                .query(Long.class)
                .single();
    }

    private String dueOf(String email) {
        return jdbc.sql("""
                        select m.due_at from step_mail m
                          join enrolment e on e.id = m.enrolment_id
                          join customer c on c.id = e.customer_id
                         where c.email_normalized = :email and e.scenario_id = :scenario
                        """)
                .param("email", email)
                .param("scenario", scenario.id())
                .query((rs, i) -> OffsetDateTime.ofInstant(rs.getTimestamp(1).toInstant(), ZoneId.of("Asia/Tokyo"))
                        .toString())
                .optional()
                .orElse(null);
    }

    private long idOf(String table, String column, String value) {
        return jdbc.sql("select id from " + table + " where " + column + " = :v")
                .param("v", value)
                .query(Long.class)
                .single();
    }

    private long customerOf(String email) {
        return idOf("customer", "email_normalized", email);
    }

    private void runSchedulerAndDispatcher() {
        while (scheduler.runDue() > 0) {
            // rounds until nothing is due
        }
        while (dispatcher.dispatchDue() > 0) {
            // send everything queued
        }
    }
}
