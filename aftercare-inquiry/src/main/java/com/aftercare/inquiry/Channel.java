package com.aftercare.inquiry;

/** How the customer reached us. */
public enum Channel {
    PHONE,
    EMAIL,
    CHAT,
    VISIT,
    WEB_FORM,
    /** A LINE official account's chat (LINE Messaging API): answered on LINE. */
    LINE
}
