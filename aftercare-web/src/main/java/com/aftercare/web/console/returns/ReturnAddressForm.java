package com.aftercare.web.console.returns;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.returns.logistics.ReturnAddress;

/** A return address and its rule as posted; {@link ReturnAddress} checks every field. */
record ReturnAddressForm(
        String label,
        String recipient,
        String postalCode,
        String address,
        String phone,
        RequestType requestType,
        ReturnReason reason,
        String category) {

    static ReturnAddressForm empty() {
        return new ReturnAddressForm("", "", "", "", "", null, null, "");
    }

    ReturnAddress toAddress(StorefrontId storefront) {
        return new ReturnAddress(
                null, storefront, label, recipient, postalCode, address, phone, requestType, reason, category);
    }
}
