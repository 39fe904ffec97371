package com.aftercare.domain.imports;

/**
 * Our fields a file's columns map onto. Consecutive rows with the same order number are one
 * order (malls export one row per line item); the order's own fields are read from its first row.
 */
public enum ImportField {
    ORDER_NUMBER(true),
    ORDERED_AT(true),
    CUSTOMER_EMAIL(true),
    CUSTOMER_NAME(true),
    CUSTOMER_NAME_KANA(false),
    CUSTOMER_PHONE(false),
    POSTAL_CODE(false),
    PREFECTURE(false),
    ADDRESS(false),
    SKU(true),
    PRODUCT_NAME(true),
    QUANTITY(true),
    UNIT_PRICE(true),
    SHIPPING_FEE(false),
    PAYMENT_METHOD(false),
    PAID_AT(false),
    SHIPPED_AT(false),
    CARRIER(false),
    TRACKING_NUMBER(false),
    DELIVERED_AT(false),
    CANCELLED_AT(false);

    private final boolean required;

    ImportField(boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }
}
