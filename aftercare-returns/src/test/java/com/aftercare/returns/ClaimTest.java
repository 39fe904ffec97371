package com.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.claim.ClaimOutcome;
import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.returns.policy.GuaranteeTerms;
import com.aftercare.returns.policy.Payer;
import com.aftercare.returns.policy.RefundAmounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The claim aggregate on its own, without Spring or a database: its guards and what each step records. */
class ClaimTest {

    static final Instant T0 = Instant.parse("2025-11-25T01:00:00Z");
    static final String OPERATOR = "sato";

    static Claim open(RequestType type, String paymentMethod, boolean free) {
        return Claim.open(new ClaimOpening(
                "RMA-2025-000001",
                type,
                ReturnReason.DEFECTIVE,
                new StorefrontId(1),
                new OrderId(2),
                new CustomerId(3),
                ClaimChannel.PORTAL,
                null,
                null,
                "壊れていました",
                new TermsSnapshot(
                        new EligibilitySnapshot(
                                "eligibility.shopsFault", LocalDate.of(2025, 11, 28), Payer.SHOP, free, null),
                        type == RequestType.REFUND_GUARANTEE
                                ? new GuaranteeTerms(30, 0, false, true, Payer.SHOP)
                                : null),
                paymentMethod,
                List.of(new ClaimLine.Spec(1, "MUG-1", "有田焼マグカップ", "kitchen", 2, 2400, null)),
                null,
                T0));
    }

    static Claim inspected(RequestType type, String paymentMethod) {
        Claim claim = open(type, paymentMethod, true);
        claim.approve(OPERATOR, null, T0);
        claim.awaitItem(OPERATOR, T0);
        claim.receive(OPERATOR, T0);
        claim.inspect(null, false, OPERATOR, T0);
        return claim;
    }

    @Test
    void shouldOpenAsRequestedByTheCustomerWithItsRefundRoute() {
        Claim claim = open(RequestType.RETURN, "COD", true);

        assertThat(claim.status()).isEqualTo(ClaimStatus.REQUESTED);
        assertThat(claim.progress().history())
                .singleElement()
                .satisfies(h -> assertThat(h.actor()).isEqualTo(Claim.CUSTOMER));
        assertThat(claim.refundRecord().route()).isEqualTo(RefundRoute.BANK_TRANSFER);
        assertThat(claim.needsBankAccount()).isTrue();
        assertThat(claim.inspection()).isEqualTo(Inspection.none());
    }

    @Test
    void shouldRefuseToRefundBeforeInspectionAndChangeNothing() {
        Claim claim = open(RequestType.RETURN, "CARD", true);

        assertThatThrownBy(() -> claim.refund(new RefundAmounts(4800, 0, 0, 4800), OPERATOR, T0))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessage("Cannot refund claim RMA-2025-000001 while it is REQUESTED");
        assertThat(claim.refundRecord().isPaid()).isFalse();
        assertThat(claim.progress().history()).hasSize(1);
    }

    @Test
    void shouldRefuseStepsThatAreNotForTheClaimsType() {
        Claim exchange = inspected(RequestType.EXCHANGE, "CARD");

        assertThatThrownBy(() -> exchange.refund(new RefundAmounts(4800, 0, 0, 4800), OPERATOR, T0))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessageContaining("it is a EXCHANGE claim");
        assertThatThrownBy(() -> exchange.markRepaired(OPERATOR, T0)).isInstanceOf(ClaimWorkflowViolation.class);
    }

    @Test
    void shouldNeedAnAcceptedQuoteForAPaidRepairButNoneForAFreeOne() {
        Claim paid = open(RequestType.WARRANTY_REPAIR, "CARD", false);
        Claim free = open(RequestType.WARRANTY_REPAIR, "CARD", true);

        assertThatThrownBy(() -> paid.approve(OPERATOR, null, T0))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessageContaining("quote");
        assertThatThrownBy(() -> free.quote(4400, OPERATOR, T0))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessageContaining("free under the warranty");
        assertThatThrownBy(() -> paid.quote(0, OPERATOR, T0)).isInstanceOf(InvalidValue.class);
        paid.quote(4400, OPERATOR, T0);
        paid.acceptQuote(T0.plusSeconds(60));

        assertThat(paid.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(paid.repairQuote().yen()).isEqualTo(4400);
        assertThat(paid.progress().history())
                .extracting(h -> h.to() + " " + h.actor() + " " + h.note())
                .containsExactly("REQUESTED customer null", "QUOTED sato ¥4400", "APPROVED customer quote accepted");
    }

    @Test
    void shouldRefundByTransferOnlyWithTheAccountAndEraseItThen() {
        Claim claim = inspected(RequestType.RETURN, "KONBINI");

        assertThatThrownBy(() -> claim.refund(new RefundAmounts(4800, 0, 0, 4800), OPERATOR, T0))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessageContaining("bank account");
        claim.keepBankAccount(new byte[] {1}, "****567", T0);
        claim.refund(new RefundAmounts(4800, 480, 0, 4320), OPERATOR, T0.plusSeconds(60));

        assertThat(claim.status()).isEqualTo(ClaimStatus.REFUNDED);
        assertThat(claim.refundRecord().amounts().total()).isEqualTo(4320);
        assertThat(claim.bankAccount().isHeld()).isFalse();
        assertThat(claim.bankAccount().erasedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(claim.progress()
                        .history()
                        .get(claim.progress().history().size() - 1)
                        .note())
                .isEqualTo("¥4320 BANK_TRANSFER");
    }

    @Test
    void shouldTakeNoBankAccountForARefundToThePaymentNorForAClosedClaim() {
        Claim card = open(RequestType.RETURN, "CARD", true);
        Claim rejected = open(RequestType.RETURN, "COD", true);
        rejected.reject("対象外です", OPERATOR, T0);

        assertThatThrownBy(() -> card.keepBankAccount(new byte[] {1}, "****567", T0))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessageContaining("no bank account is needed");
        assertThatThrownBy(() -> rejected.keepBankAccount(new byte[] {1}, "****567", T0))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessageContaining("while it is REJECTED");
    }

    @Test
    void shouldDecideTheOutcomeOnceAndKeepWhenItClosed() {
        Claim claim = open(RequestType.RETURN, "CARD", true);
        claim.reject("ご使用の形跡があるため", OPERATOR, T0);
        claim.close(OPERATOR, T0.plusSeconds(3600));

        assertThat(claim.rejectionReason()).isEqualTo("ご使用の形跡があるため");
        assertThat(claim.progress().resolvedAt()).isEqualTo(T0);
        assertThat(claim.progress().closedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(ClaimStatus.REJECTED.outcome()).isEqualTo(ClaimOutcome.REJECTED);
        assertThatThrownBy(() -> ClaimStatus.APPROVED.outcome()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldCloseAPickupOnceTheOldApplianceWasReceived() {
        Claim pickup = open(RequestType.RECYCLE_PICKUP, "CARD", false);
        pickup.approve(OPERATOR, null, T0);
        pickup.awaitItem(OPERATOR, T0);
        assertThatThrownBy(() -> pickup.close(OPERATOR, T0)).isInstanceOf(ClaimWorkflowViolation.class);
        pickup.receive(OPERATOR, T0);
        pickup.close(OPERATOR, T0);

        assertThat(pickup.status()).isEqualTo(ClaimStatus.CLOSED);
        assertThat(pickup.status().outcome()).isEqualTo(ClaimOutcome.CLOSED);
        assertThat(pickup.progress().resolvedAt()).isEqualTo(T0);
    }

    @Test
    void shouldOfferAnApologyOnlyAfterConfirmedDamage() {
        Claim fine = inspected(RequestType.RETURN, "CARD");
        Claim damaged = open(RequestType.RETURN, "CARD", true);
        damaged.approve(OPERATOR, null, T0);
        damaged.awaitItem(OPERATOR, T0);
        damaged.receive(OPERATOR, T0);
        damaged.inspect("外箱に破損", true, OPERATOR, T0);
        damaged.offerApology("APOL-0GY1", T0);

        assertThatThrownBy(() -> fine.offerApology("APOL-0GY2", T0))
                .isInstanceOf(ClaimWorkflowViolation.class)
                .hasMessageContaining("confirmed damage");
        assertThat(damaged.inspection().apologyCouponCode()).isEqualTo("APOL-0GY1");
        assertThat(damaged.inspection().note()).isEqualTo("外箱に破損");
    }

    @Test
    void shouldShipAnExchangeWithItsTrackingNumber() {
        Claim exchange = inspected(RequestType.EXCHANGE, "CARD");
        exchange.shipExchange(" 1234-5678 ", OPERATOR, T0);

        assertThat(exchange.exchange().tracking()).isEqualTo("1234-5678");
        assertThat(exchange.status().outcome()).isEqualTo(ClaimOutcome.EXCHANGE_SHIPPED);
    }

    @Test
    void shouldKeepTheGuaranteeTermsOfAGuaranteeClaim() {
        Claim claim = open(RequestType.REFUND_GUARANTEE, "CARD", true);

        assertThat(claim.terms().guarantee()).isEqualTo(new GuaranteeTerms(30, 0, false, true, Payer.SHOP));
        assertThat(open(RequestType.RETURN, "CARD", true).terms().guarantee()).isNull();
    }
}
