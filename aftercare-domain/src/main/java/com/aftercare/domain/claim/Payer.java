package com.aftercare.domain.claim;

/** Who pays the return shipping. */
public enum Payer {
    SHOP,
    CUSTOMER
}
