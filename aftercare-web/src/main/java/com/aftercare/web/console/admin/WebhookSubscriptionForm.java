package com.aftercare.web.console.admin;

import java.util.List;

/** A new webhook subscription from the console: the receiver's URL and the events it wants. */
record WebhookSubscriptionForm(String url, List<String> events) {

    static WebhookSubscriptionForm empty() {
        return new WebhookSubscriptionForm("", List.of());
    }
}
