package com.aftercare.web.console.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A LINE channel's secret and long-lived access token, pasted from the LINE Developers console. */
record LineChannelForm(
        @NotBlank @Size(max = 100) String channelSecret,
        @NotBlank @Size(max = 2000) String accessToken) {

    static LineChannelForm empty() {
        return new LineChannelForm("", "");
    }
}
