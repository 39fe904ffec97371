package com.aftercare.inquiry;

/** How the customer reached us. */
public enum Channel {
    PHONE,
    EMAIL,
    CHAT,
    VISIT,
    WEB_FORM
}
