package com.aftercare.web.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The portal's "find my order" form. */
record LookupForm(
        @NotBlank @Size(max = 64) String orderNumber,
        @NotBlank @Size(max = 254) String contact) {

    static LookupForm empty() {
        return new LookupForm("", "");
    }
}
