/**
 * Return logistics: where a returned item goes and how it gets there. Per storefront, the return
 * addresses (warehouses) chosen by rule ({@link ReturnAddressRules}), the carrier, whether a
 * pick-up (集荷) is offered and a calendar of non-working days ({@link ReturnLogisticsSetup}); per
 * claim, the shipment ({@link ReturnShipments}): 元払い, 着払い or a pick-up booked for a date and
 * one of the carrier's time bands ({@link PickupCalendar}), the tracking number the customer
 * enters, the printable return slip ({@link ReturnSlip}), the carriers' import files
 * ({@link CarrierExports}) and the reminder of a customer whose goods do not come
 * ({@link ReturnReminders}). It reads claims through the module's root ({@code Claims},
 * {@code ClaimView}); the root never reads this package, it only hears from it through
 * {@code ClaimMailAdditions}. Owns {@code return_logistics_settings}, {@code return_address},
 * {@code return_non_working_day} and {@code return_shipment}.
 */
@NamedInterface("logistics")
package com.aftercare.returns.logistics;

import org.springframework.modulith.NamedInterface;
