package com.aftercare.web.console.admin;

/**
 * Retention periods in days as an admin types them, for one storefront or (no storefront) the
 * shop's default; an empty field keeps that data until erased by hand. {@code RetentionPeriods}
 * checks the ranges.
 */
record RetentionForm(
        Long storefront, Integer claimPhotoDays, Integer bankAccountDays, Integer inquiryDays, Integer auditDays) {

    static RetentionForm empty() {
        return new RetentionForm(null, null, null, null, null);
    }
}
