package com.aftercare.returns;

/** What a customer returning an item wants back: the money, or store credit (a coupon). */
public enum Settlement {
    REFUND,
    STORE_CREDIT
}
