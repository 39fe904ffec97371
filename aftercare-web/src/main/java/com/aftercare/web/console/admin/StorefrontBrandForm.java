package com.aftercare.web.console.admin;

import jakarta.validation.constraints.Pattern;

/**
 * How the customer portal shows a storefront: the shop's own site (the portal's name leads back
 * there) and its logo. Both optional; an address must be http(s) and at most 2000 characters.
 */
record StorefrontBrandForm(
        @Pattern(regexp = "^\\s*(https?://\\S{1,1990})?\\s*$")
        String siteUrl,

        @Pattern(regexp = "^\\s*(https?://\\S{1,1990})?\\s*$")
        String logoUrl) {}
