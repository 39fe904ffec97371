package com.aftercare.web.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What automation asks for at start (env {@code AFTERCARE_BOOTSTRAP_STOREFRONT},
 * {@code AFTERCARE_BOOTSTRAP_API_KEY}, {@code AFTERCARE_BOOTSTRAP_ADMIN_PASSWORD},
 * {@code AFTERCARE_BOOTSTRAP_SHOPIFY_WEBHOOK_SECRET}, {@code AFTERCARE_BOOTSTRAP_LINE_CHANNEL_SECRET} with
 * {@code AFTERCARE_BOOTSTRAP_LINE_ACCESS_TOKEN}; {@code AFTERCARE_BOOTSTRAP_STOREFRONT_NAME} names a
 * storefront created so, and changes nothing later).
 */
@ConfigurationProperties("aftercare.bootstrap")
record BootstrapProperties(
        String storefront,
        String storefrontName,
        String apiKey,
        String adminPassword,
        String shopifyWebhookSecret,
        String lineChannelSecret,
        String lineAccessToken) {

    /** The name a new bootstrap storefront gets: {@code storefront-name}, else its code. */
    String nameOfStorefront() {
        return storefrontName == null || storefrontName.isBlank() ? storefront : storefrontName.strip();
    }
}
