package com.aftercare.returns.signals;

import com.aftercare.returns.FraudSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fraud signals a claim's facts raise, under the shop's thresholds. Pure: the facts are
 * gathered by {@link ClaimSignals}.
 */
public final class SignalRules {

    private SignalRules() {}

    /**
     * What is known about a claim and its customer when it is opened.
     *
     * @param orders the customer's orders not cancelled, at every storefront
     * @param ordersSentBack those of them with a return, exchange or guarantee claim not refused
     * @param guaranteesElsewhere RMAs of refund-guarantee claims not refused that the same person
     *     (customer, email or phone) made at other storefronts; empty unless this claim is one
     * @param flaggedBecause why an operator flagged this customer; null when not flagged
     * @param sharedWithFlagged how many flagged customers share a phone or address with this claim
     * @param hoursSinceDelivery hours from the recorded delivery to the claim; null when no delivery
     *     was recorded
     * @param valueYen the claimed lines' value
     */
    public record Facts(
            long orders,
            long ordersSentBack,
            List<String> guaranteesElsewhere,
            String flaggedBecause,
            long sharedWithFlagged,
            Long hoursSinceDelivery,
            long valueYen) {}

    /** A signal raised, with the values its message shows. */
    public record Found(FraudSignal signal, List<String> arguments) {}

    public static List<Found> evaluate(Facts facts, SignalThresholds limits) {
        List<Found> found = new ArrayList<>();
        if (facts.orders() >= limits.serialReturnerMinOrders()
                && facts.ordersSentBack() * 100 >= facts.orders() * limits.serialReturnerPercent()) {
            found.add(new Found(
                    FraudSignal.SERIAL_RETURNER,
                    List.of(
                            String.valueOf(facts.ordersSentBack()),
                            String.valueOf(facts.orders()),
                            String.valueOf(facts.ordersSentBack() * 100 / facts.orders()))));
        }
        if (!facts.guaranteesElsewhere().isEmpty()) {
            found.add(new Found(
                    FraudSignal.GUARANTEE_ACROSS_STOREFRONTS, List.of(String.join(", ", facts.guaranteesElsewhere()))));
        }
        if (facts.flaggedBecause() != null) {
            found.add(new Found(FraudSignal.FLAGGED_CUSTOMER, List.of(facts.flaggedBecause())));
        }
        if (facts.sharedWithFlagged() > 0) {
            found.add(new Found(FraudSignal.SHARED_WITH_FLAGGED, List.of(String.valueOf(facts.sharedWithFlagged()))));
        }
        if (facts.hoursSinceDelivery() != null
                && facts.hoursSinceDelivery() < limits.quickClaimHours()
                && facts.valueYen() >= limits.highValueYen()) {
            found.add(new Found(
                    FraudSignal.QUICK_HIGH_VALUE,
                    List.of(String.valueOf(facts.hoursSinceDelivery()), String.valueOf(facts.valueYen()))));
        }
        return List.copyOf(found);
    }
}
