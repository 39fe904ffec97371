package com.aftercare.web.console.returns;

import com.aftercare.returns.logistics.Carrier;
import com.aftercare.returns.logistics.LogisticsSettings;

/** A storefront's logistics settings as posted; an unchecked box is not sent (null, read as false). */
record ReturnSettingsForm(
        Carrier carrier, Boolean pickupOffered, Integer reminderAfterDays, String carrierCustomerCode) {

    static ReturnSettingsForm of(LogisticsSettings settings) {
        return new ReturnSettingsForm(
                settings.carrier(),
                settings.pickupOffered(),
                settings.reminderAfterDays(),
                settings.carrierCustomerCode() == null ? "" : settings.carrierCustomerCode());
    }

    LogisticsSettings toSettings() {
        return new LogisticsSettings(
                carrier,
                Boolean.TRUE.equals(pickupOffered),
                reminderAfterDays == null ? 0 : reminderAfterDays,
                carrierCustomerCode);
    }
}
