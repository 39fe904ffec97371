package com.aftercare.web.console.admin;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A label that tells people which system holds the key ("楽天 RMS 連携"), optional. */
record NewKeyForm(
        @Size(max = 100) @Pattern(regexp = "^[^\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]*$")
        String label) {

    String labelOrDefault() {
        return label == null || label.isBlank() ? "console" : label.strip();
    }
}
