package com.aftercare.inquiry;

/** How urgent; drives the SLA targets. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
