package com.aftercare.web.console.calls;

import com.aftercare.domain.shop.ShopProperties;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/** The wall-clock times of the intake forms, read in the shop's time zone (never the server's). */
@Component
class IntakeTimes {

    private final ShopProperties shop;

    IntakeTimes(ShopProperties shop) {
        this.shop = shop;
    }

    Instant instant(LocalDateTime wallClock) {
        return wallClock == null ? null : wallClock.atZone(shop.zone()).toInstant();
    }
}
