package com.aftercare.web.portal;

/** The pick-up as chosen on the portal: a day (ISO date) and a band's name; the calendar checks both. */
record PickupForm(String pickupDate, String pickupSlot) {

    static PickupForm empty() {
        return new PickupForm("", "");
    }
}
