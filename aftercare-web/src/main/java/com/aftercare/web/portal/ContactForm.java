package com.aftercare.web.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The portal's contact form (an inquiry on the WEB_FORM channel). */
record ContactForm(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 254) String email,
        @Size(max = 64) String orderNumber,
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 20000) String body) {

    static ContactForm empty() {
        return new ContactForm("", "", "", "", "");
    }
}
