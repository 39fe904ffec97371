package com.aftercare.web.portal;

/** The return parcel's tracking number as typed; {@code TrackingNumber} checks it. */
record TrackingForm(String trackingNumber) {}
