package com.aftercare.web.console.calls;

import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Priority;

/**
 * What a call and a visit form share (the fields of {@code desk/intake :: customer}): the
 * customer, what it is about and an optional order. The records' components answer these.
 */
interface IntakeForm {

    /** The customer whose page the form was started from, or null. */
    Long customer();

    Long storefront();

    String customerEmail();

    String customerName();

    String customerPhone();

    String summary();

    Category category();

    Priority priority();

    String orderNumber();
}
