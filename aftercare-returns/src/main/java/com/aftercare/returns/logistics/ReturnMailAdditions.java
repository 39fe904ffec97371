package com.aftercare.returns.logistics;

import com.aftercare.returns.ClaimMailAdditions;
import com.aftercare.returns.ClaimStatus;
import com.aftercare.returns.ClaimView;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The return address and the way back in a claim's mails (the one asking for the item above all):
 * {@code returnAddressKnown}, {@code returnRecipient}, {@code returnAddress}, {@code returnPhone},
 * the method as three flags ({@code returnSenderPays}, {@code returnReceiverPays},
 * {@code returnPickup}) so the wording stays in the template, {@code pickupBookable} and the
 * booked {@code pickupDate}. An approved claim's shipment is kept here, in the step's
 * transaction, so the address mailed is the address the parcel goes to.
 */
@Component
class ReturnMailAdditions implements ClaimMailAdditions {

    private final ReturnShipments shipments;

    ReturnMailAdditions(ReturnShipments shipments) {
        this.shipments = shipments;
    }

    @Override
    public Map<String, Object> variables(ClaimView claim, String language) {
        return variablesOf(shipments.keep(claim));
    }

    @Override
    public Map<String, Object> sample(ClaimStatus status, String language) {
        ReturnAddress address = new ReturnAddress(
                1L, null, "東京倉庫", "こもれび 返品係", "135-0061", "東京都江東区豊洲3-2-20 倉庫棟2F", "03-1234-5678", null, null, null);
        return variablesOf(Optional.of(new ReturnPlan(
                "RMA-2026-000123",
                address,
                ReturnMethod.PICKUP,
                Carrier.YAMATO,
                ReturnState.READY_TO_SEND,
                null,
                null,
                java.util.List.of(LocalDate.of(2026, 12, 8)),
                null,
                null,
                true,
                null,
                null,
                null)));
    }

    private static Map<String, Object> variablesOf(Optional<ReturnPlan> plan) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("returnAddressKnown", plan.isPresent());
        variables.put("returnRecipient", plan.map(p -> p.address().recipient()).orElse(""));
        variables.put("returnAddress", plan.map(p -> p.address().oneLine()).orElse(""));
        variables.put("returnPhone", plan.map(p -> p.address().phone()).orElse(""));
        variables.put(
                "returnSenderPays",
                plan.map(p -> p.method() == ReturnMethod.SENDER_PAYS).orElse(false));
        variables.put(
                "returnReceiverPays",
                plan.map(p -> p.method() == ReturnMethod.RECEIVER_PAYS).orElse(false));
        variables.put(
                "returnPickup", plan.map(p -> p.method() == ReturnMethod.PICKUP).orElse(false));
        variables.put("pickupBookable", plan.map(ReturnPlan::pickupBookable).orElse(false));
        variables.put(
                "pickupDate",
                plan.map(p -> p.pickupDate() == null ? "" : p.pickupDate().toString())
                        .orElse(""));
        return variables;
    }
}
