package com.aftercare.web.console.inquiries;

import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.inquiry.InquiryQueue;

/**
 * The queue's narrowing as its form and its links carry it in the address: whose work
 * ({@code assignee}, a username), which team's ({@code team}, a code) and which storefront's
 * ({@code storefront}, an id; one that does not parse or names no storefront is refused under its
 * field).
 */
record QueueScope(String assignee, String team, Long storefront) {

    static final QueueScope EVERYONE = new QueueScope(null, null, null);

    /** The same, not narrowed by storefront: after one was refused, as its select then says. */
    QueueScope withoutStorefront() {
        return new QueueScope(assignee, team, null);
    }

    InquiryQueue.Scope toScope(StorefrontId chosen) {
        return new InquiryQueue.Scope(assignee, team, chosen);
    }
}
