package com.aftercare.web.console.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new team: its code (used in the queue filter and the inquiry's trail) and the name people read. */
record NewTeamForm(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,31}$")
        String code,

        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "^[^\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]*$")
        String name) {

    static NewTeamForm empty() {
        return new NewTeamForm("", "");
    }
}
