package com.aftercare.web.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.aftercare.domain.claim.ClaimEvents;
import com.aftercare.domain.claim.ClaimOutcome;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.BankAccount;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimNotEligible;
import com.aftercare.returns.ClaimRefunds;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.ClaimWorkflowViolation;
import com.aftercare.returns.Claims;
import com.aftercare.returns.RefundRoute;
import com.aftercare.returns.Settlement;
import com.aftercare.returns.policy.GuaranteeTerms;
import com.aftercare.returns.policy.Payer;
import com.aftercare.returns.policy.RefundAmounts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ClaimFixtures;
import com.aftercare.web.support.ClaimFixtures.TestOrder;
import com.aftercare.web.support.TestClock;
import com.aftercare.web.support.TestMailServer;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Claims through the {@code Claims} facade on the real database: the workflow with a mail per
 * step received by the SMTP server, the eligibility rules enforced on the server, refunds in
 * integer yen and the bank account kept encrypted until the refund. Today is 25 November 2025
 * (JST); the orders were delivered on the 21st, so the statutory window ends on the 28th.
 */
@AftercareIntegrationTest
@Import(TestClock.Configuration.class)
@RecordApplicationEvents
class ClaimWorkflowTest {

    static final String DELIVERED = "2025-11-21T11:00:00+09:00";

    @LocalServerPort
    int port;

    @Autowired
    Claims claims;

    @Autowired
    ClaimRequests requests;

    @Autowired
    ClaimWorkflow workflow;

    @Autowired
    ClaimRefunds refunds;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    TestStorefront storefront;
    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        clock.setJst("2025-11-25T10:00");
        storefront = TestStorefronts.create(storefronts);
        api = new Api(port, storefront.key());
        operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(operator, "{noop}x", "担当 " + operator, Operators.Role.OPERATOR);
    }

    ClaimRequests.Opened open(TestOrder order, RequestType type, ReturnReason reason, String sku, int quantity) {
        return requests.open(
                command(order.number(), type, reason, List.of(new ClaimRequests.LineRequest(sku, quantity, null))));
    }

    ClaimRequests.OpenClaim command(
            String number, RequestType type, ReturnReason reason, List<ClaimRequests.LineRequest> lines) {
        return new ClaimRequests.OpenClaim(
                storefront.id(),
                number,
                type,
                reason,
                lines,
                null,
                null,
                false,
                ClaimChannel.API,
                null,
                null,
                ClaimRequests.CUSTOMER);
    }

    void carryToInspection(String rma, String note, boolean damageConfirmed) {
        workflow.approve(rma, operator, null);
        workflow.awaitItem(rma, operator);
        workflow.receive(rma, operator);
        workflow.inspect(rma, operator, note, damageConfirmed);
    }

    List<String> subjectsAfterDispatch(String email) {
        dispatcher.dispatchDue();
        return TestMailServer.subjectsTo(email);
    }

    @Test
    void shouldCarryAReturnFromRequestToRefundWithAMailForEveryStep() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = open(order, RequestType.RETURN, ReturnReason.SIZE, order.shirt(), 2)
                .rma();
        assertThat(rma).matches("RMA-2025-\\d{6,}");

        workflow.approve(rma, operator, null);
        workflow.awaitItem(rma, operator);
        workflow.receive(rma, operator);
        workflow.inspect(rma, operator, "未使用・タグ付き", false);
        long refunded =
                refunds.refund(new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.FULL, 10, 0, null));

        assertThat(refunded).isEqualTo(3240); // 3,600 less a 10 % restocking fee
        ClaimView claim = claims.byRma(rma).orElseThrow();
        assertThat(claim.status()).isEqualTo(ClaimStatus.REFUNDED);
        assertThat(claim.refundRoute()).isEqualTo(RefundRoute.TO_PAYMENT);
        assertThat(claim.refund()).isEqualTo(new RefundAmounts(3600, 360, 0, 3240));
        assertThat(claim.eligibility().returnShipping()).isEqualTo(Payer.CUSTOMER);
        assertThat(claim.history())
                .extracting(h -> h.to() + " " + h.actor())
                .containsExactly(
                        "REQUESTED customer",
                        "APPROVED " + operator,
                        "AWAITING_ITEM " + operator,
                        "RECEIVED " + operator,
                        "INSPECTED " + operator,
                        "REFUNDED " + operator);
        assertThat(subjectsAfterDispatch(order.email()))
                .filteredOn(s -> s.contains(rma))
                .containsExactly(
                        "【Aftercare デモショップ】返品のお申し込みを受け付けました（" + rma + "）",
                        "【Aftercare デモショップ】返品のお申し込みを承りました（" + rma + "）",
                        "【Aftercare デモショップ】商品のご返送のご案内（" + rma + "）",
                        "【Aftercare デモショップ】商品を受け取りました（" + rma + "）",
                        "【Aftercare デモショップ】商品の確認が終わりました（" + rma + "）",
                        "【Aftercare デモショップ】ご返金の手続きが完了しました（" + rma + "）");
        assertThat(TestMailServer.textsTo(order.email()))
                .anyMatch(t -> t.contains("ご返金額: ¥3,240") && t.contains("返品手数料 ¥360"));
        assertThat(events.stream(ClaimEvents.ClaimOpened.class)).singleElement().satisfies(e -> {
            assertThat(e.rma()).isEqualTo(rma);
            assertThat(e.type()).isEqualTo(RequestType.RETURN);
        });
        assertThat(events.stream(ClaimEvents.ClaimResolved.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(ClaimOutcome.REFUNDED);
                    assertThat(e.rma()).isEqualTo(rma);
                    assertThat(e.type()).isEqualTo(RequestType.RETURN);
                });
    }

    @Test
    void shouldRefuseAStepTheWorkflowDoesNotAllowAndChangeNothing() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = open(order, RequestType.RETURN, ReturnReason.SIZE, order.mug(), 1)
                .rma();

        assertThatThrownBy(() -> refunds.refund(
                        new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.FULL, 0, 0, null)))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessage("Cannot refund claim " + rma + " while it is REQUESTED");
        assertThatThrownBy(() -> workflow.shipExchange(rma, operator, null))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessageContaining("it is a RETURN claim");
        assertThat(claims.byRma(rma).orElseThrow().history()).hasSize(1);
    }

    @Test
    void shouldNeverMailTheSameStepTwice() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = open(order, RequestType.RETURN, ReturnReason.SIZE, order.mug(), 1)
                .rma();
        workflow.approve(rma, operator, null);
        assertThatThrownBy(() -> workflow.approve(rma, operator, null)).isInstanceOf(ClaimWorkflowViolation.class);

        assertThat(jdbc.sql("select count(*) from outbound_mail where dedup_key like :key")
                        .param("key", "claim:" + rma + ":%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void shouldRejectWithTheReasonTheCustomerReads() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = open(order, RequestType.RETURN, ReturnReason.NOT_AS_EXPECTED, order.mug(), 1)
                .rma();

        assertThatThrownBy(() -> workflow.reject(rma, operator, " "))
                .isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo("reason");
        workflow.reject(rma, operator, "ご使用の形跡があるため、お受けできません。");

        ClaimView claim = claims.byRma(rma).orElseThrow();
        assertThat(claim.status()).isEqualTo(ClaimStatus.REJECTED);
        dispatcher.dispatchDue();
        assertThat(TestMailServer.textsTo(order.email())).anyMatch(t -> t.contains("ご使用の形跡があるため"));
        // refused claims do not count: the mug can be asked for again
        assertThat(open(order, RequestType.RETURN, ReturnReason.DEFECTIVE, order.mug(), 1)
                        .rma())
                .isNotEqualTo(rma);
    }

    @Test
    void shouldRefuseACancelledOrUndeliveredOrderWithNothingWritten() {
        TestOrder cancelled = ClaimFixtures.placed(api, "CARD", false);
        ClaimFixtures.progress(api, cancelled, "order.cancelled", "2025-11-19T09:00:00+09:00");
        TestOrder undelivered = ClaimFixtures.placed(api, "CARD", false);

        assertThatThrownBy(() -> open(cancelled, RequestType.RETURN, ReturnReason.DEFECTIVE, cancelled.mug(), 1))
                .isInstanceOfSatisfying(ClaimNotEligible.class, e -> {
                    assertThat(e.field()).isEqualTo("orderNumber");
                    assertThat(e.messageKey()).isEqualTo("eligibility.orderCancelled");
                });
        assertThatThrownBy(() -> open(undelivered, RequestType.RETURN, ReturnReason.DEFECTIVE, undelivered.mug(), 1))
                .isInstanceOfSatisfying(
                        ClaimNotEligible.class,
                        e -> assertThat(e.messageKey()).isEqualTo("eligibility.notDeliveredYet"));
        assertThat(claimsOf(cancelled) + claimsOf(undelivered)).isZero();
    }

    @Test
    void shouldRefuseMoreThanWasBoughtOrIsLeftToClaim() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);

        assertThatThrownBy(() -> open(order, RequestType.RETURN, ReturnReason.SIZE, order.shirt(), 3))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("lines[0].quantity"));
        open(order, RequestType.RETURN, ReturnReason.SIZE, order.shirt(), 1);
        assertThatThrownBy(() -> open(order, RequestType.EXCHANGE, ReturnReason.DEFECTIVE, order.shirt(), 2))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("lines[0].quantity");
                    assertThat(e.getMessage()).contains("at most 1");
                });
        assertThat(claimsOf(order)).isEqualTo(1);
    }

    @Test
    void shouldRefuseUnknownSkusAndOtherStorefrontsOrders() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        TestStorefront other = TestStorefronts.create(storefronts);

        assertThatThrownBy(() -> open(order, RequestType.RETURN, ReturnReason.SIZE, "NO-SUCH-SKU", 1))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("lines[0].sku"));
        assertThatThrownBy(() -> requests.open(new ClaimRequests.OpenClaim(
                        other.id(),
                        order.number(),
                        RequestType.RETURN,
                        ReturnReason.SIZE,
                        List.of(new ClaimRequests.LineRequest(order.mug(), 1, null)),
                        null,
                        null,
                        false,
                        ClaimChannel.API,
                        null,
                        null,
                        ClaimRequests.CUSTOMER)))
                .isInstanceOf(NotFound.class);
        assertThat(claimsOf(order)).isZero();
    }

    @Test
    void shouldHonourTheWindowButTakeDefectsWhateverTheDate() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        clock.setJst("2025-11-29T00:00"); // the statutory 8 days ended on the 28th, at midnight JST

        assertThatThrownBy(() -> open(order, RequestType.RETURN, ReturnReason.SIZE, order.shirt(), 1))
                .isInstanceOfSatisfying(ClaimNotEligible.class, e -> {
                    assertThat(e.field()).isEqualTo("lines[0]");
                    assertThat(e.messageKey()).isEqualTo("eligibility.windowPassed");
                    assertThat(e.arguments()).containsExactly(java.time.LocalDate.of(2025, 11, 28));
                });
        ClaimView defect = claims.byRma(open(order, RequestType.RETURN, ReturnReason.DEFECTIVE, order.shirt(), 1)
                        .rma())
                .orElseThrow();
        assertThat(defect.eligibility().returnShipping()).isEqualTo(Payer.SHOP);
        assertThat(defect.eligibility().reason()).isEqualTo("eligibility.shopsFault");
    }

    @Test
    void shouldKeepTheBankAccountEncryptedShowItMaskedAndEraseItWithTheRefund() {
        TestOrder order = ClaimFixtures.delivered(api, "COD", false, DELIVERED);
        String rma = open(order, RequestType.RETURN, ReturnReason.WRONG_ITEM, order.mug(), 1)
                .rma();
        carryToInspection(rma, null, false);
        assertThat(claims.byRma(rma).orElseThrow().needsBankAccount()).isTrue();
        assertThatThrownBy(() -> refunds.refund(
                        new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.FULL, 0, 0, null)))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessageContaining("bank account");

        refunds.provideBankAccount(
                rma,
                new BankAccount(
                        "みずほ銀行", "0001", "渋谷支店", "１２３", BankAccount.AccountType.ORDINARY, "1234567", "ヤマダ ハナコ"));

        byte[] stored = jdbc.sql("select bank_account_enc from claim where rma = :rma")
                .param("rma", rma)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("1234567")
                .doesNotContain("0001");
        assertThat(claims.byRma(rma).orElseThrow().bankAccountMasked()).isEqualTo("みずほ銀行 渋谷支店 普通 ****567");
        assertThat(refunds.revealBankAccount(rma, operator).orElseThrow().number())
                .isEqualTo("1234567");

        refunds.refund(new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.PARTIAL, 0, 0, 2000L));

        ClaimView claim = claims.byRma(rma).orElseThrow();
        assertThat(claim.refundRoute()).isEqualTo(RefundRoute.BANK_TRANSFER);
        assertThat(claim.refund().total()).isEqualTo(2000);
        assertThat(claim.bankAccountMasked()).isNull();
        assertThat(claim.bankAccountErasedAt()).isNotNull();
        assertThat(jdbc.sql("select bank_account_enc is null from claim where rma = :rma")
                        .param("rma", rma)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(refunds.revealBankAccount(rma, operator)).isEmpty();
    }

    @Test
    void shouldRefuseRefundArithmeticThatDoesNotAddUp() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = open(order, RequestType.RETURN, ReturnReason.DAMAGED_IN_TRANSIT, order.shirt(), 1)
                .rma();
        carryToInspection(rma, "外箱に破損", true);

        assertThatThrownBy(() -> refunds.refund(
                        new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.PARTIAL, 0, 0, 1801L)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> refunds.refund(
                        new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.FULL, 0, 700, null)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("returnShipping"));
        assertThatThrownBy(() -> refunds.refund(
                        new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.FULL, 101, 0, null)))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("restockingPercent"));
        assertThat(claims.byRma(rma).orElseThrow().status()).isEqualTo(ClaimStatus.INSPECTED);
        assertThat(claims.byRma(rma).orElseThrow().damageConfirmed()).isTrue();
    }

    @Test
    void shouldSnapshotTheGuaranteeTermsAndGrantTheGuaranteeOncePerCustomerAndProduct() {
        TestOrder first = ClaimFixtures.delivered(api, "CARD", false, "2025-11-10T11:00:00+09:00");
        ClaimFixtures.policy(
                jdbc,
                first.mug(),
                "guarantee_period_days, guarantee_minimum_use_days, guarantee_survey_required, guarantee_once,"
                        + " guarantee_return_shipping",
                "30, 14, true, true, 'SHOP'");

        assertThatThrownBy(
                        () -> open(first, RequestType.REFUND_GUARANTEE, ReturnReason.NOT_AS_EXPECTED, first.mug(), 1))
                .isInstanceOfSatisfying(
                        ClaimNotEligible.class,
                        e -> assertThat(e.messageKey()).isEqualTo("eligibility.guaranteeNeedsSurvey"));
        ClaimRequests.OpenClaim withSurvey = new ClaimRequests.OpenClaim(
                storefront.id(),
                first.number(),
                RequestType.REFUND_GUARANTEE,
                ReturnReason.NOT_AS_EXPECTED,
                List.of(new ClaimRequests.LineRequest(first.mug(), 1, null)),
                null,
                "肌に合いませんでした",
                true,
                ClaimChannel.PORTAL,
                null,
                null,
                ClaimRequests.CUSTOMER);
        ClaimView claim = claims.byRma(requests.open(withSurvey).rma()).orElseThrow();

        assertThat(claim.guaranteeTerms()).isEqualTo(new GuaranteeTerms(30, 14, true, true, Payer.SHOP));
        // the terms change later; the claim keeps what the customer bought under
        jdbc.sql(
                        "update product_policy set guarantee_period_days = 10, guarantee_minimum_use_days = 0 where sku = :sku")
                .param("sku", first.mug())
                .update();
        assertThat(claims.byRma(claim.rma()).orElseThrow().guaranteeTerms().periodDays())
                .isEqualTo(30);
        // the same customer buys the same product again: the guarantee was used, once only
        jdbc.sql(
                        "update product_policy set guarantee_period_days = 30, guarantee_minimum_use_days = 1 where sku = :sku")
                .param("sku", first.mug())
                .update();
        TestOrder second = ClaimFixtures.again(api, first, "2025-11-22T11:00:00+09:00");
        assertThatThrownBy(() -> requests.open(new ClaimRequests.OpenClaim(
                        storefront.id(),
                        second.number(),
                        RequestType.REFUND_GUARANTEE,
                        ReturnReason.NOT_AS_EXPECTED,
                        List.of(new ClaimRequests.LineRequest(second.mug(), 1, null)),
                        null,
                        null,
                        true,
                        ClaimChannel.PORTAL,
                        null,
                        null,
                        ClaimRequests.CUSTOMER)))
                .isInstanceOfSatisfying(
                        ClaimNotEligible.class, e -> assertThat(e.messageKey()).isEqualTo("eligibility.guaranteeUsed"));
    }

    @Test
    void shouldQuoteAPaidRepairAndLetTheCustomerDecline() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = open(order, RequestType.WARRANTY_REPAIR, ReturnReason.DEFECTIVE, order.mug(), 1)
                .rma();

        assertThatThrownBy(() -> workflow.approve(rma, operator, null))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessageContaining("quote");
        workflow.quote(rma, operator, 4400);
        workflow.declineQuote(rma);

        ClaimView claim = claims.byRma(rma).orElseThrow();
        assertThat(claim.status()).isEqualTo(ClaimStatus.QUOTE_DECLINED);
        assertThat(claim.quoteYen()).isEqualTo(4400);
        assertThat(subjectsAfterDispatch(order.email())).anyMatch(s -> s.contains("修理のお見積もりをお送りします"));
        assertThat(TestMailServer.textsTo(order.email())).anyMatch(t -> t.contains("¥4,400"));
    }

    @Test
    void shouldNeverNameTheProductInMailsOfADiscreetOrder() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", true, DELIVERED);
        open(order, RequestType.RETURN, ReturnReason.SIZE, order.shirt(), 1);

        dispatcher.dispatchDue();
        assertThat(TestMailServer.subjectsTo(order.email())).noneMatch(s -> s.contains("Tシャツ"));
        assertThat(TestMailServer.textsTo(order.email()))
                .filteredOn(t -> t.contains("RMA-"))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).doesNotContain("Tシャツ").doesNotContain("マグカップ"));
    }

    @Test
    void shouldHoldTheOrdersStepMailWhileTheClaimIsOpen() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String rma = open(order, RequestType.RETURN, ReturnReason.SIZE, order.mug(), 1)
                .rma();

        await().atMost(Duration.ofSeconds(20)).until(() -> hold(rma), h -> "HELD".equals(h));
        workflow.reject(rma, operator, "対象外の商品です。");
        await().atMost(Duration.ofSeconds(20)).until(() -> hold(rma), h -> "RELEASED".equals(h));
    }

    @Test
    void shouldSettleAReturnInStoreCreditWhenTheCustomerAsks() {
        TestOrder order = ClaimFixtures.delivered(api, "KONBINI", false, DELIVERED);
        String rma = requests.open(new ClaimRequests.OpenClaim(
                        storefront.id(),
                        order.number(),
                        RequestType.RETURN,
                        ReturnReason.COLOR_DIFFERS,
                        List.of(new ClaimRequests.LineRequest(order.shirt(), 2, null)),
                        Settlement.STORE_CREDIT,
                        null,
                        false,
                        ClaimChannel.PORTAL,
                        null,
                        null,
                        ClaimRequests.CUSTOMER))
                .rma();
        carryToInspection(rma, null, false);
        refunds.refund(new ClaimRefunds.Refund(rma, operator, ClaimRefunds.RefundKind.FULL, 0, 0, null));

        ClaimView claim = claims.byRma(rma).orElseThrow();
        assertThat(claim.refundRoute()).isEqualTo(RefundRoute.STORE_CREDIT);
        assertThat(claim.storeCreditYen()).isEqualTo(3600);
        assertThat(claim.couponCode()).isNotNull();
        assertThat(coupon(claim.couponCode()))
                .isEqualTo("STORE_CREDIT FIXED_YEN 3600 claim:" + rma + " "
                        + claim.customer().value());
        dispatcher.dispatchDue();
        assertThat(TestMailServer.textsTo(order.email())).anyMatch(t -> t.contains(claim.couponCode()));
    }

    @Test
    void shouldOfferAnApologyCouponOnceWhenDamageInTransitIsConfirmed() {
        TestOrder order = ClaimFixtures.delivered(api, "CARD", false, DELIVERED);
        String damaged = open(order, RequestType.RETURN, ReturnReason.DAMAGED_IN_TRANSIT, order.mug(), 1)
                .rma();
        String fine = open(order, RequestType.RETURN, ReturnReason.SIZE, order.shirt(), 1)
                .rma();
        carryToInspection(damaged, "外箱に破損", true);
        carryToInspection(fine, null, false);

        String code = claims.byRma(damaged).orElseThrow().apologyCouponCode();
        assertThat(code).isNotNull();
        assertThat(coupon(code)).startsWith("APOLOGY FIXED_YEN 500 claim-apology:" + damaged);
        assertThat(claims.byRma(fine).orElseThrow().apologyCouponCode()).isNull();
        dispatcher.dispatchDue();
        assertThat(TestMailServer.textsTo(order.email()))
                .filteredOn(t -> t.contains(code))
                .singleElement()
                .asString()
                .contains("お詫び");
    }

    String coupon(String code) {
        return jdbc.sql("""
                        select k.purpose || ' ' || c.discount_kind || ' ' || c.discount_value || ' ' || c.source || ' ' || c.customer_id
                          from coupon c join coupon_campaign k on k.id = c.campaign_id
                         where c.code = :code
                        """)
                .param("code", code.replace("-", ""))
                .query(String.class)
                .single();
    }

    String hold(String rma) {
        return jdbc.sql("select case when released_at is null then 'HELD' else 'RELEASED' end from step_mail_hold"
                        + " where source = :source")
                .param("source", "claim:" + rma)
                .query(String.class)
                .optional()
                .orElse("NONE");
    }

    long claimsOf(TestOrder order) {
        return jdbc.sql("select count(*) from claim c join customer_order o on o.id = c.order_id"
                        + " where o.order_number = :number and o.storefront_id = :storefront")
                .param("number", order.number())
                .param("storefront", storefront.id().value())
                .query(Long.class)
                .single();
    }
}
