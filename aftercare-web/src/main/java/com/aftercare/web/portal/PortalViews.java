package com.aftercare.web.portal;

/** The customer portal's view names, in one place. */
final class PortalViews {

    static final String UNSUBSCRIBE = "portal/unsubscribe";
    static final String UNSUBSCRIBED = "portal/unsubscribed";
    static final String LINK_INVALID = "portal/link-invalid";
    static final String LOOKUP = "portal/lookup";
    static final String ORDER = "portal/order";
    static final String CSAT = "portal/csat";
    static final String CSAT_THANKS = "portal/csat-thanks";
    static final String VISIT = "portal/visit";
    static final String FAQ = "portal/faq";
    static final String CLAIM_NEW = "portal/claim-new";
    static final String CLAIM = "portal/claim";
    static final String NOT_FOUND = "portal/not-found";
    static final String UPLOAD_TOO_LARGE = "portal/upload-too-large";
    static final String CONTACT = "portal/contact";
    static final String CONTACT_THANKS = "portal/contact-thanks";

    private PortalViews() {}
}
