package com.aftercare.inquiry;

/** Where an inquiry stands in its workflow (see docs/inquiries.md for the diagram). */
public enum InquiryStatus {
    NEW,
    OPEN,
    WAITING_ON_CUSTOMER,
    RESOLVED,
    CLOSED
}
