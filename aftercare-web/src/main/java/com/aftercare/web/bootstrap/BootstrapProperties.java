package com.aftercare.web.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What automation asks for at start (env {@code AFTERCARE_BOOTSTRAP_STOREFRONT},
 * {@code AFTERCARE_BOOTSTRAP_API_KEY}, {@code AFTERCARE_BOOTSTRAP_ADMIN_PASSWORD},
 * {@code AFTERCARE_BOOTSTRAP_SHOPIFY_WEBHOOK_SECRET}).
 */
@ConfigurationProperties("aftercare.bootstrap")
record BootstrapProperties(String storefront, String apiKey, String adminPassword, String shopifyWebhookSecret) {}
