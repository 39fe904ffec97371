package com.aftercare.returns.policy;

/** Who pays the return shipping. */
public enum Payer {
    SHOP,
    CUSTOMER
}
