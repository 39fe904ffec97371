package com.aftercare.inquiry;

import java.time.Instant;
import java.time.LocalTime;

/** When the shop answers and returns calls (its own setting, next to the desk's business hours). */
public final class PhoneHours {

    private final BusinessHours hours;

    PhoneHours(BusinessHours hours) {
        this.hours = hours;
    }

    public boolean contains(Instant instant) {
        return hours.contains(instant);
    }

    public LocalTime opens() {
        return hours.opens();
    }

    public LocalTime closes() {
        return hours.closes();
    }
}
