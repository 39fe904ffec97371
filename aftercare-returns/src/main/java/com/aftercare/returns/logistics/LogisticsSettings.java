package com.aftercare.returns.logistics;

import com.aftercare.domain.shared.InvalidValue;

/**
 * How a storefront's returns travel.
 *
 * @param carrier whose system prints the slips (and whose format the export takes)
 * @param pickupOffered whether a customer whose return the shop pays may book a pick-up (集荷)
 *     instead of handing it in 着払い
 * @param reminderAfterDays days without goods after which the customer is reminded once; as many
 *     days after the reminder, the claim is flagged for an operator
 * @param carrierCustomerCode the shop's customer code at the carrier, printed into the exports;
 *     empty when the shop has none on file
 */
public record LogisticsSettings(
        Carrier carrier, boolean pickupOffered, int reminderAfterDays, String carrierCustomerCode) {

    public static final LogisticsSettings DEFAULTS = new LogisticsSettings(Carrier.YAMATO, true, 7, null);

    public LogisticsSettings {
        if (carrier == null) {
            throw new InvalidValue("carrier", "choose a carrier");
        }
        if (reminderAfterDays < 1 || reminderAfterDays > 60) {
            throw new InvalidValue("reminderAfterDays", "must be between 1 and 60");
        }
        carrierCustomerCode =
                carrierCustomerCode == null || carrierCustomerCode.isBlank() ? null : carrierCustomerCode.strip();
        if (carrierCustomerCode != null && !carrierCustomerCode.matches("[0-9A-Za-z-]{1,20}")) {
            throw new InvalidValue("carrierCustomerCode", "must be up to 20 letters, digits or hyphens");
        }
    }
}
