package com.aftercare.web.api.shopify;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Shopify webhook topics Aftercare applies, each with the payload it reads. Any other topic is
 * acknowledged and ignored: a shop may subscribe more than Aftercare needs.
 */
enum ShopifyTopic {
    ORDERS_CREATE("orders/create", ShopifyPayloads.Order.class),
    ORDERS_PAID("orders/paid", ShopifyPayloads.Order.class),
    ORDERS_FULFILLED("orders/fulfilled", ShopifyPayloads.Order.class),
    ORDERS_CANCELLED("orders/cancelled", ShopifyPayloads.Order.class),
    FULFILLMENTS_CREATE("fulfillments/create", ShopifyPayloads.Fulfillment.class),
    FULFILLMENTS_UPDATE("fulfillments/update", ShopifyPayloads.Fulfillment.class),
    REFUNDS_CREATE("refunds/create", ShopifyPayloads.Refund.class),
    CUSTOMERS_CREATE("customers/create", ShopifyPayloads.Customer.class),
    CUSTOMERS_UPDATE("customers/update", ShopifyPayloads.Customer.class),
    CUSTOMERS_EMAIL_MARKETING_CONSENT_UPDATE(
            "customers_email_marketing_consent/update", ShopifyPayloads.ConsentUpdate.class);

    private final String header;
    private final Class<?> payload;

    ShopifyTopic(String header, Class<?> payload) {
        this.header = header;
        this.payload = payload;
    }

    /** The topic as {@code X-Shopify-Topic} names it; empty for a topic Aftercare does not use. */
    static Optional<ShopifyTopic> of(String header) {
        return Arrays.stream(values()).filter(t -> t.header.equals(header)).findFirst();
    }

    String header() {
        return header;
    }

    Class<?> payload() {
        return payload;
    }
}
