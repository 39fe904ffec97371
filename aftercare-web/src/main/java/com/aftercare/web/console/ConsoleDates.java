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

    /**
     * A wall-clock time as the console prints it and as an operator types it into a form (a text
     * field: Chromium draws {@code datetime-local} in the browser's own locale, MM/DD/YYYY in an
     * English browser even on a Japanese page).
     */
    public static final String WALL_CLOCK = "yyyy-MM-dd HH:mm";

    /** What a {@code datetime-local} input sends, still taken from clients that send it. */
    public static final String WALL_CLOCK_ISO = "yyyy-MM-dd'T'HH:mm";

    private final DateTimeFormatter format;

    ConsoleDates(ShopProperties shop) {
        this.format = DateTimeFormatter.ofPattern(WALL_CLOCK).withZone(shop.zone());
    }

    public String format(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }
}
