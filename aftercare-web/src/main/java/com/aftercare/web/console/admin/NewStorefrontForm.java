package com.aftercare.web.console.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new storefront: its code (used in URLs and logs) and the name people read. */
record NewStorefrontForm(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$")
        String code,

        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "^[^\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]*$")
        String name) {

    static NewStorefrontForm empty() {
        return new NewStorefrontForm("", "");
    }
}
