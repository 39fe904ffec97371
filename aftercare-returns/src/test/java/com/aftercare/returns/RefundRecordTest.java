package com.aftercare.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.returns.policy.RefundAmounts;
import org.junit.jupiter.api.Test;

class RefundRecordTest {

    @Test
    void shouldRefundCardsToThePaymentAndCashOnDeliveryByTransfer() {
        assertThat(RefundRecord.planned(RequestType.RETURN, null, "CARD").route())
                .isEqualTo(RefundRoute.TO_PAYMENT);
        assertThat(RefundRecord.planned(RequestType.RETURN, Settlement.REFUND, " cod ")
                        .route())
                .isEqualTo(RefundRoute.BANK_TRANSFER);
        assertThat(RefundRecord.planned(RequestType.REFUND_GUARANTEE, null, "KONBINI")
                        .byTransfer())
                .isTrue();
        assertThat(RefundRecord.planned(RequestType.RETURN, null, null).route()).isEqualTo(RefundRoute.TO_PAYMENT);
    }

    @Test
    void shouldSettleOnlyAReturnInStoreCredit() {
        RefundRecord credit = RefundRecord.planned(RequestType.RETURN, Settlement.STORE_CREDIT, "COD");
        RefundRecord guarantee = RefundRecord.planned(RequestType.REFUND_GUARANTEE, Settlement.STORE_CREDIT, "CARD");

        assertThat(credit.route()).isEqualTo(RefundRoute.STORE_CREDIT);
        assertThat(guarantee.settlement()).isEqualTo(Settlement.REFUND);
        assertThat(guarantee.route()).isEqualTo(RefundRoute.TO_PAYMENT);
    }

    @Test
    void shouldRecordTheCreditOfAStoreCreditRefundOnly() {
        RefundAmounts amounts = new RefundAmounts(3600, 0, 0, 3600);

        RefundRecord credit = RefundRecord.planned(RequestType.RETURN, Settlement.STORE_CREDIT, "CARD")
                .paid(amounts)
                .creditedAs(" ABCD-EFGH ");
        RefundRecord money =
                RefundRecord.planned(RequestType.RETURN, null, "CARD").paid(amounts);

        assertThat(credit.isPaid()).isTrue();
        assertThat(credit.storeCreditYen()).isEqualTo(3600);
        assertThat(credit.couponCode()).isEqualTo("ABCD-EFGH");
        assertThat(money.storeCreditYen()).isNull();
        assertThatThrownBy(() -> money.creditedAs("ABCD-EFGH"))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("couponCode"));
    }

    @Test
    void shouldRefuseARouteThatContradictsTheSettlement() {
        assertThatThrownBy(
                        () -> new RefundRecord(Settlement.REFUND, "CARD", RefundRoute.STORE_CREDIT, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new RefundRecord(Settlement.STORE_CREDIT, "CARD", RefundRoute.STORE_CREDIT, null, 100L, null))
                .as("credit before a refund was recorded")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
