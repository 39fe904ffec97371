package com.aftercare.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.shared.DomainException;

/** A step the claim's status or type does not allow, such as refunding a claim not yet inspected. */
public class ClaimWorkflowViolation extends DomainException {

    private ClaimWorkflowViolation(String message) {
        super(message);
    }

    static ClaimWorkflowViolation cannot(String action, String rma, ClaimStatus status) {
        return new ClaimWorkflowViolation("Cannot " + action + " claim " + rma + " while it is " + status);
    }

    static ClaimWorkflowViolation notFor(String action, String rma, RequestType type) {
        return new ClaimWorkflowViolation("Cannot " + action + " claim " + rma + ": it is a " + type + " claim");
    }

    static ClaimWorkflowViolation because(String rma, String why) {
        return new ClaimWorkflowViolation("Claim " + rma + ": " + why);
    }
}
