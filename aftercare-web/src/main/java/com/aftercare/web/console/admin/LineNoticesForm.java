package com.aftercare.web.console.admin;

import jakarta.validation.constraints.NotNull;

/** The storefront's switch: send notices on LINE to the customers linked to its account. */
record LineNoticesForm(@NotNull Boolean noticesOnLine) {

    static LineNoticesForm of(boolean on) {
        return new LineNoticesForm(on);
    }
}
