package com.aftercare.web.console;

import com.aftercare.domain.shop.ShopProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Formats instants for people, in the shop's business time zone (never the server's). Templates
 * call it as {@code ${@consoleDates.format(instant)}}.
 */
@Component("consoleDates")
public class ConsoleDates {

    private final DateTimeFormatter format;

    ConsoleDates(ShopProperties shop) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(shop.zone());
    }

    public String format(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }
}
