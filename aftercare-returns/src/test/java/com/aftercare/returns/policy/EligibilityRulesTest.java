package com.aftercare.returns.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.returns.policy.EligibilityRules.History;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EligibilityRulesTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate DELIVERED = LocalDate.of(2026, 11, 20);

    private static final ProductPolicy THIRTY_DAYS = new ProductPolicy(30, Payer.SHOP, true, false, null, 12, null);

    @ParameterizedTest(name = "delivered {0}, asked {1} → allowed {2}")
    @CsvSource({
        "2026-11-20, 2026-11-20, true",
        "2026-11-20, 2026-11-27, true",
        "2026-11-20, 2026-11-28, false",
        "2026-11-30, 2026-12-07, true",
        "2026-11-30, 2026-12-08, false",
    })
    void shouldGiveTheStatutoryEightDaysCountingTheDeliveryDayWhenNoPolicyIsStated(
            LocalDate delivered, LocalDate today, boolean allowed) {
        Eligibility eligibility = EligibilityRules.evaluate(
                RequestType.RETURN, ReturnReason.SIZE, ProductPolicy.statutory(), delivered, today, History.none());

        assertThat(eligibility.allowed()).isEqualTo(allowed);
        if (allowed) {
            assertThat(eligibility.until()).isEqualTo(delivered.plusDays(7));
            assertThat(eligibility.returnShipping()).isEqualTo(Payer.CUSTOMER);
            assertThat(eligibility.reason()).isEqualTo("eligibility.statutoryWindow");
        } else {
            assertThat(eligibility.reason()).isEqualTo("eligibility.windowPassed");
        }
    }

    @Test
    void shouldCountTheDeliveryDayInTheShopZoneAtMidnight() {
        Instant justBeforeMidnight = Instant.parse("2026-11-20T14:59:59Z"); // 23:59:59 JST on the 20th
        Instant atMidnight = Instant.parse("2026-11-20T15:00:00Z"); // 00:00 JST on the 21st

        assertThat(DeliveryDate.of(justBeforeMidnight, null, 2, TOKYO)).contains(LocalDate.of(2026, 11, 20));
        assertThat(DeliveryDate.of(atMidnight, null, 2, TOKYO)).contains(LocalDate.of(2026, 11, 21));
    }

    @Test
    void shouldCountFromShipmentPlusTransitWhenNoDeliveryWasReported() {
        Instant shipped = Instant.parse("2026-11-20T03:00:00Z");

        assertThat(DeliveryDate.of(null, shipped, 2, TOKYO)).contains(LocalDate.of(2026, 11, 22));
        assertThat(DeliveryDate.of(null, null, 2, TOKYO)).isEmpty();
    }

    @Test
    void shouldUseTheProductsOwnWindowAndShippingRule() {
        Eligibility last = EligibilityRules.evaluate(
                RequestType.RETURN,
                ReturnReason.NOT_AS_EXPECTED,
                THIRTY_DAYS,
                DELIVERED,
                DELIVERED.plusDays(29),
                History.none());
        Eligibility late = EligibilityRules.evaluate(
                RequestType.RETURN,
                ReturnReason.NOT_AS_EXPECTED,
                THIRTY_DAYS,
                DELIVERED,
                DELIVERED.plusDays(30),
                History.none());

        assertThat(last.allowed()).isTrue();
        assertThat(last.until()).isEqualTo(LocalDate.of(2026, 12, 19));
        assertThat(last.returnShipping()).isEqualTo(Payer.SHOP);
        assertThat(late.allowed()).isFalse();
        assertThat(late.arguments()).containsExactly(LocalDate.of(2026, 12, 19));
    }

    @ParameterizedTest
    @EnumSource(
            value = ReturnReason.class,
            names = {"DAMAGED_IN_TRANSIT", "DEFECTIVE", "WRONG_ITEM"})
    void shouldTakeBackTheShopsFaultsOutsideTheWindowAndOnFinalSaleAtTheShopsCost(ReturnReason fault) {
        ProductPolicy finalSale = new ProductPolicy(7, Payer.CUSTOMER, false, true, null, 0, null);

        Eligibility eligibility = EligibilityRules.evaluate(
                RequestType.RETURN, fault, finalSale, DELIVERED, DELIVERED.plusDays(60), History.none());

        assertThat(eligibility.allowed()).isTrue();
        assertThat(eligibility.returnShipping()).isEqualTo(Payer.SHOP);
    }

    @Test
    void shouldRefuseAChangeOfMindOnAFinalSaleItem() {
        ProductPolicy finalSale = new ProductPolicy(30, Payer.CUSTOMER, false, true, null, 0, null);

        Eligibility eligibility = EligibilityRules.evaluate(
                RequestType.RETURN, ReturnReason.SIZE, finalSale, DELIVERED, DELIVERED, History.none());

        assertThat(eligibility.allowed()).isFalse();
        assertThat(eligibility.reason()).isEqualTo("eligibility.finalSale");
    }

    @Test
    void shouldOfferAnExchangeOnlyWhereThePolicyAllowsOne() {
        Eligibility offered = EligibilityRules.evaluate(
                RequestType.EXCHANGE, ReturnReason.SIZE, THIRTY_DAYS, DELIVERED, DELIVERED.plusDays(3), History.none());
        Eligibility notOffered = EligibilityRules.evaluate(
                RequestType.EXCHANGE,
                ReturnReason.SIZE,
                ProductPolicy.statutory(),
                DELIVERED,
                DELIVERED.plusDays(3),
                History.none());

        assertThat(offered.allowed()).isTrue();
        assertThat(notOffered.allowed()).isFalse();
        assertThat(notOffered.reason()).isEqualTo("eligibility.exchangeNotOffered");
    }

    @Test
    void shouldRepairFreeWithinTheWarrantyAndQuoteOutsideIt() {
        Eligibility inside = EligibilityRules.evaluate(
                RequestType.WARRANTY_REPAIR,
                ReturnReason.DEFECTIVE,
                THIRTY_DAYS,
                DELIVERED,
                LocalDate.of(2027, 11, 19),
                History.none());
        Eligibility outside = EligibilityRules.evaluate(
                RequestType.WARRANTY_REPAIR,
                ReturnReason.DEFECTIVE,
                THIRTY_DAYS,
                DELIVERED,
                LocalDate.of(2027, 11, 20),
                History.none());

        assertThat(inside.free()).isTrue();
        assertThat(inside.until()).isEqualTo(LocalDate.of(2027, 11, 19));
        assertThat(outside.allowed()).isTrue();
        assertThat(outside.free()).isFalse();
        assertThat(outside.reason()).isEqualTo("eligibility.repairQuoted");
    }

    @Test
    void shouldGrantTheRefundGuaranteeOnlyOnItsTerms() {
        ProductPolicy guaranteed = new ProductPolicy(
                8, Payer.CUSTOMER, false, false, new GuaranteeTerms(60, 14, true, true, Payer.SHOP), 0, null);

        assertThat(EligibilityRules.evaluate(
                                RequestType.REFUND_GUARANTEE,
                                ReturnReason.OTHER,
                                guaranteed,
                                DELIVERED,
                                DELIVERED.plusDays(12),
                                new History(false, true))
                        .reason())
                .as("used 13 days of the 14 required")
                .isEqualTo("eligibility.guaranteeTooEarly");
        assertThat(EligibilityRules.evaluate(
                                RequestType.REFUND_GUARANTEE,
                                ReturnReason.OTHER,
                                guaranteed,
                                DELIVERED,
                                DELIVERED.plusDays(13),
                                new History(false, false))
                        .reason())
                .isEqualTo("eligibility.guaranteeNeedsSurvey");
        assertThat(EligibilityRules.evaluate(
                                RequestType.REFUND_GUARANTEE,
                                ReturnReason.OTHER,
                                guaranteed,
                                DELIVERED,
                                DELIVERED.plusDays(13),
                                new History(true, true))
                        .reason())
                .as("once per customer and product")
                .isEqualTo("eligibility.guaranteeUsed");
        Eligibility granted = EligibilityRules.evaluate(
                RequestType.REFUND_GUARANTEE,
                ReturnReason.OTHER,
                guaranteed,
                DELIVERED,
                DELIVERED.plusDays(59),
                new History(false, true));
        assertThat(granted.allowed()).isTrue();
        assertThat(granted.returnShipping()).isEqualTo(Payer.SHOP);
        assertThat(EligibilityRules.evaluate(
                                RequestType.REFUND_GUARANTEE,
                                ReturnReason.OTHER,
                                guaranteed,
                                DELIVERED,
                                DELIVERED.plusDays(60),
                                new History(false, true))
                        .reason())
                .isEqualTo("eligibility.guaranteeExpired");
    }

    @Test
    void shouldShowTheRecyclingFeeOrSayThereIsNoPickUp() {
        ProductPolicy appliance = new ProductPolicy(8, Payer.CUSTOMER, false, false, null, 12, 3300L);

        Eligibility pickUp = EligibilityRules.evaluate(
                RequestType.RECYCLE_PICKUP, ReturnReason.OTHER, appliance, DELIVERED, DELIVERED, History.none());

        assertThat(pickUp.allowed()).isTrue();
        assertThat(pickUp.feeYen()).isEqualTo(3300L);
        assertThat(EligibilityRules.evaluate(
                                RequestType.RECYCLE_PICKUP,
                                ReturnReason.OTHER,
                                THIRTY_DAYS,
                                DELIVERED,
                                DELIVERED,
                                History.none())
                        .allowed())
                .isFalse();
    }

    @Test
    void shouldRefuseEverythingBeforeDelivery() {
        Eligibility eligibility = EligibilityRules.evaluate(
                RequestType.RETURN,
                ReturnReason.DEFECTIVE,
                THIRTY_DAYS,
                DELIVERED,
                DELIVERED.minusDays(1),
                History.none());

        assertThat(eligibility.allowed()).isFalse();
        assertThat(eligibility.reason()).isEqualTo("eligibility.notDeliveredYet");
    }
}
