package com.aftercare.inquiry;

import java.time.Instant;

/**
 * An inquiry's status moved ({@code from} → {@code to}): heard by the desk's own automations
 * ({@link AutomationTrigger#STATUS_CHANGED}) through the durable event registry. Kept in this
 * module: no other module needs it yet.
 */
public record InquiryStatusChanged(long inquiry, String reference, InquiryStatus from, InquiryStatus to, Instant at) {}
