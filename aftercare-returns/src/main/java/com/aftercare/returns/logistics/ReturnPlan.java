package com.aftercare.returns.logistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A claim's way back as the portal, the console and the mail show it.
 *
 * @param address where the goods go
 * @param method 元払い, 着払い or 集荷
 * @param pickupDate the booked pick-up's day; null until booked
 * @param pickupDays the days a pick-up may be booked for now; empty when it may not be
 * @param trackingEditable whether the customer may enter (or correct) the tracking number now
 * @param remindedAt when the customer was reminded that no goods came
 * @param flaggedAt when the claim was flagged for an operator after the reminder
 * @param exportedAt when the parcel last went out in a carrier export
 */
public record ReturnPlan(
        String rma,
        ReturnAddress address,
        ReturnMethod method,
        Carrier carrier,
        ReturnState state,
        LocalDate pickupDate,
        PickupSlot pickupSlot,
        List<LocalDate> pickupDays,
        String trackingNumber,
        Instant trackingEnteredAt,
        boolean trackingEditable,
        Instant remindedAt,
        Instant flaggedAt,
        Instant exportedAt) {

    public ReturnPlan {
        pickupDays = List.copyOf(pickupDays);
    }

    /** Whether the customer may book (or move) a pick-up now. */
    public boolean pickupBookable() {
        return !pickupDays.isEmpty();
    }

    /** The return slip makes sense once the claim is approved and until the goods arrive. */
    public boolean slipAvailable() {
        return state != ReturnState.WAITING_FOR_APPROVAL && state != ReturnState.RECEIVED;
    }
}
