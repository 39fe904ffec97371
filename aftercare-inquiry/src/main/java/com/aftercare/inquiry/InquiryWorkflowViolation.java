package com.aftercare.inquiry;

import com.aftercare.domain.shared.DomainException;

/** An action the inquiry's current state does not allow, such as resolving a closed inquiry. */
public class InquiryWorkflowViolation extends DomainException {

    private InquiryWorkflowViolation(String message) {
        super(message);
    }

    static InquiryWorkflowViolation cannot(String action, String reference, InquiryStatus status) {
        return new InquiryWorkflowViolation("Cannot " + action + " inquiry " + reference + " while it is " + status);
    }
}
