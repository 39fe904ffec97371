package com.aftercare.web.api.coupons;

/** Example answers of the coupon check, for the OpenAPI description. */
final class CouponExamples {

    private CouponExamples() {}

    static final String VALID = """
            {"valid": true, "reason": null, "discountKind": "PERCENT", "discountValue": 10, "discountYen": 540,
             "minimumSpendYen": 3000, "expiresAt": "2026-12-31T15:00:00Z", "singleUse": true}""";

    static final String BELOW_MINIMUM = """
            {"valid": false, "reason": "BELOW_MINIMUM_SPEND", "discountKind": "FIXED_YEN", "discountValue": 500,
             "discountYen": null, "minimumSpendYen": 3000, "expiresAt": "2026-12-31T15:00:00Z", "singleUse": true}""";

    static final String UNKNOWN = """
            {"valid": false, "reason": "UNKNOWN", "discountKind": null, "discountValue": null, "discountYen": null,
             "minimumSpendYen": null, "expiresAt": null, "singleUse": null}""";
}
