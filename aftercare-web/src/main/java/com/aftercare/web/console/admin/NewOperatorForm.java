package com.aftercare.web.console.admin;

import com.aftercare.domain.operator.Operators;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin types to create an operator. The password is hashed at once and never kept. */
record NewOperatorForm(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,31}$")
        String username,

        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "^[^\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]*$")
        String displayName,

        @NotNull Operators.Role role,
        @NotNull @Size(min = 12, max = 128) String password) {

    static NewOperatorForm empty() {
        return new NewOperatorForm("", "", Operators.Role.OPERATOR, "");
    }

    /** The form shown again after a refusal: never with the password typed. */
    NewOperatorForm withoutPassword() {
        return new NewOperatorForm(username, displayName, role, "");
    }
}
