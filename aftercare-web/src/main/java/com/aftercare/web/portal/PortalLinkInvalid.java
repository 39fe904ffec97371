package com.aftercare.web.portal;

/** A portal link that is tampered with, expired or meant for something else: answered with a page that shows nothing. */
class PortalLinkInvalid extends RuntimeException {

    PortalLinkInvalid() {
        super("Invalid or expired portal link");
    }
}
