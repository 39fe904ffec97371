package com.aftercare.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What the check of a returned item found: the operator's note, whether it did arrive damaged in
 * transit, and the apology coupon offered for that damage (at most one per claim).
 */
@Embeddable
record Inspection(
        @Column(name = "inspection_note") String note,
        @Column(name = "damage_confirmed", nullable = false) boolean damageConfirmed,
        @Column(name = "apology_coupon_code") String apologyCouponCode) {

    static final int MAX_NOTE = 2000;

    /** @param note blank when the operator wrote none */
    Inspection {
        note = ClaimText.optional("note", note, MAX_NOTE);
        if (apologyCouponCode != null && !damageConfirmed) {
            throw new IllegalArgumentException("An apology coupon follows confirmed damage in transit");
        }
    }

    /** Nothing checked yet. */
    static Inspection none() {
        return new Inspection(null, false, null);
    }

    /** The goodwill coupon offered for the damage (its code). */
    Inspection withApology(String code) {
        return new Inspection(note, damageConfirmed, ClaimText.required("couponCode", code, 100));
    }
}
