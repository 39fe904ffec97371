package com.aftercare.web.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The portal's "find my order" form. */
record LookupForm(
        @NotBlank @Size(max = 64) String orderNumber,
        @NotBlank @Size(max = 254) String contact,
        @Size(max = 1024) String line) {

    static LookupForm empty() {
        return new LookupForm("", "", null);
    }

    /** The lookup opened from a link sent on LINE: the LINE user is linked once the order is found. */
    static LookupForm fromLine(String token) {
        return new LookupForm("", "", token);
    }

    boolean fromLine() {
        return line != null && !line.isBlank();
    }
}
