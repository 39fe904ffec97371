package com.aftercare.returns.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.returns.FraudSignal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which signals a claim's facts raise, and contact points that compare equal however typed. */
class SignalRulesTest {

    private static final SignalThresholds LIMITS = new SignalThresholds(3, 50, 24, 30_000);

    @Test
    void shouldCallACustomerWhoSentBackHalfOfThreeOrdersASerialReturner() {
        assertThat(signals(new SignalRules.Facts(4, 2, List.of(), null, 0, null, 1000)))
                .containsExactly(FraudSignal.SERIAL_RETURNER);
        assertThat(signals(new SignalRules.Facts(2, 2, List.of(), null, 0, null, 1000)))
                .as("two orders say nothing yet")
                .isEmpty();
        assertThat(signals(new SignalRules.Facts(4, 1, List.of(), null, 0, null, 1000)))
                .isEmpty();
    }

    @Test
    void shouldRaiseGuaranteeFlagSharedAndQuickHighValueSignals() {
        assertThat(signals(new SignalRules.Facts(1, 1, List.of("RMA-1"), "fake", 2, 3L, 30_000)))
                .containsExactly(
                        FraudSignal.GUARANTEE_ACROSS_STOREFRONTS,
                        FraudSignal.FLAGGED_CUSTOMER,
                        FraudSignal.SHARED_WITH_FLAGGED,
                        FraudSignal.QUICK_HIGH_VALUE);
        assertThat(signals(new SignalRules.Facts(1, 1, List.of(), null, 0, 24L, 30_000)))
                .as("a day after delivery is not within hours")
                .isEmpty();
        assertThat(signals(new SignalRules.Facts(1, 1, List.of(), null, 0, 2L, 29_999)))
                .isEmpty();
    }

    @Test
    void shouldTreatPhonesAndAddressesTypedDifferentlyAsTheSame() {
        assertThat(ContactPoints.phone("090-1234-5678"))
                .isEqualTo(ContactPoints.phone("０９０１２３４５６７８"))
                .isEqualTo(ContactPoints.phone("+81 90 1234 5678"));
        assertThat(ContactPoints.address("150-0001", "東京都", "渋谷区神宮前1-2-3"))
                .isEqualTo(ContactPoints.address("１５００００１", "東京都", "渋谷区神宮前１丁目２番３号"))
                .isEqualTo(ContactPoints.address("150-0001", "東京都", "渋谷区 神宮前 1−2−3"));
        assertThat(ContactPoints.of("a@example.jp", "123", null, null, null, " "))
                .hasSize(1);
    }

    private static List<FraudSignal> signals(SignalRules.Facts facts) {
        return SignalRules.evaluate(facts, LIMITS).stream()
                .map(SignalRules.Found::signal)
                .toList();
    }
}
