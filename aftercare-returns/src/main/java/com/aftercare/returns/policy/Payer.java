package com.aftercare.returns.policy;

import org.springframework.modulith.NamedInterface;

/** Who pays the return shipping. */
@NamedInterface("policy")
public enum Payer {
    SHOP,
    CUSTOMER
}
