package com.aftercare.web.console.returns;

import com.aftercare.returns.ClaimView;
import com.aftercare.returns.logistics.ReturnPlan;
import com.aftercare.returns.logistics.ReturnShipments;
import org.springframework.stereotype.Component;

/**
 * The way back of a claim for the console's claim page, asked by its template
 * ({@code @consoleReturns.plan(claim)}), so the claims controller needs no change for it.
 */
@Component("consoleReturns")
public class ConsoleReturns {

    private final ReturnShipments shipments;

    ConsoleReturns(ReturnShipments shipments) {
        this.shipments = shipments;
    }

    /** The claim's way back; null when no goods travel for it or no return address is set up. */
    public ReturnPlan plan(ClaimView claim) {
        return shipments.plan(claim).orElse(null);
    }
}
