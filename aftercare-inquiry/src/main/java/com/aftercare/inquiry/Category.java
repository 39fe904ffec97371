package com.aftercare.inquiry;

/** What the inquiry is about. */
public enum Category {
    SHIPPING,
    PRODUCT,
    RETURN,
    PAYMENT,
    OTHER
}
