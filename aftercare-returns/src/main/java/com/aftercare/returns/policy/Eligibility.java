package com.aftercare.returns.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * What a customer may do, and why, before they submit: shown on the portal and kept with the
 * request.
 *
 * @param allowed whether the request can be made
 * @param until the last day it can be made (inclusive, shop time), when there is a limit
 * @param returnShipping who pays return shipping, when something is sent back
 * @param free for repairs: whether it is free (within the warranty) or quoted
 * @param feeYen a fee the customer pays (recycling pick-up), when there is one
 * @param reason a message key saying why, for the portal's wording
 * @param arguments the values that message needs (dates, days)
 */
public record Eligibility(
        boolean allowed,
        LocalDate until,
        Payer returnShipping,
        boolean free,
        Long feeYen,
        String reason,
        List<Object> arguments) {

    static Eligibility allowed(LocalDate until, Payer payer, String reason, Object... arguments) {
        return new Eligibility(true, until, payer, payer == Payer.SHOP, null, reason, List.of(arguments));
    }

    static Eligibility refused(String reason, Object... arguments) {
        return new Eligibility(false, null, null, false, null, reason, List.of(arguments));
    }
}
