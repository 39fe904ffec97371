package com.aftercare.returns;

import java.util.Map;

/**
 * What another room of the module adds to a claim's mails (the logistics room: the return
 * address, the method, the pick-up), without the root depending on it. Called in the transaction
 * of the step that mails, so an addition may keep what it shows (the address the mail names is
 * the one the parcel goes to).
 */
public interface ClaimMailAdditions {

    /** The variables to add for the claim at its current status. */
    Map<String, Object> variables(ClaimView claim, String language);

    /** The same variables for a template preview (a sample claim at {@code status}). */
    Map<String, Object> sample(ClaimStatus status, String language);
}
