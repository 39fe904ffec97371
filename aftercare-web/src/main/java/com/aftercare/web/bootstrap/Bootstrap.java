package com.aftercare.web.bootstrap;

import com.aftercare.domain.line.LineChannels;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shopify.ShopifyConnections;
import com.aftercare.domain.storefront.Storefronts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at every start, that the storefront, API key and admin login named in the
 * environment exist. Idempotent, so it is safe in every instance and on every restart.
 */
@Component
@Order(0)
@EnableConfigurationProperties(BootstrapProperties.class)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final BootstrapProperties properties;
    private final Storefronts storefronts;
    private final Operators operators;
    private final PasswordEncoder passwords;
    private final ShopifyConnections shopify;
    private final LineChannels line;

    Bootstrap(
            BootstrapProperties properties,
            Storefronts storefronts,
            Operators operators,
            PasswordEncoder passwords,
            ShopifyConnections shopify,
            LineChannels line) {
        this.properties = properties;
        this.storefronts = storefronts;
        this.operators = operators;
        this.passwords = passwords;
        this.shopify = shopify;
        this.line = line;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (hasText(properties.storefront())) {
            Storefronts.StorefrontView storefront =
                    storefronts.ensure(properties.storefront(), properties.nameOfStorefront());
            if (hasText(properties.apiKey())) {
                storefronts.ensureKey(storefront.id(), properties.apiKey(), "bootstrap");
            }
            if (hasText(properties.shopifyWebhookSecret())) {
                ensureShopifySecret(storefront);
            }
            if (hasText(properties.lineChannelSecret()) != hasText(properties.lineAccessToken())) {
                throw new IllegalStateException("AFTERCARE_BOOTSTRAP_LINE_CHANNEL_SECRET and "
                        + "AFTERCARE_BOOTSTRAP_LINE_ACCESS_TOKEN are set together or not at all");
            }
            if (hasText(properties.lineChannelSecret())) {
                ensureLineChannel(storefront);
            }
            log.info("Bootstrap storefront '{}' is ready", storefront.code());
        } else if (hasText(properties.apiKey()) || hasText(properties.shopifyWebhookSecret())) {
            throw new IllegalStateException(
                    "AFTERCARE_BOOTSTRAP_API_KEY and AFTERCARE_BOOTSTRAP_SHOPIFY_WEBHOOK_SECRET "
                            + "need AFTERCARE_BOOTSTRAP_STOREFRONT to say whose they are");
        }
        if (hasText(properties.adminPassword())) {
            if (properties.adminPassword().length() < 8) {
                throw new IllegalStateException("AFTERCARE_BOOTSTRAP_ADMIN_PASSWORD must be at least 8 characters");
            }
            operators.ensure("admin", passwords.encode(properties.adminPassword()), "管理者", Operators.Role.ADMIN);
            log.info("Bootstrap console user 'admin' is ready");
        }
    }

    private void ensureShopifySecret(Storefronts.StorefrontView storefront) {
        try {
            shopify.ensureSecret(
                    storefront.id(), properties.shopifyWebhookSecret().strip(), "bootstrap");
        } catch (InvalidValue e) {
            throw new IllegalStateException(
                    "AFTERCARE_BOOTSTRAP_SHOPIFY_WEBHOOK_SECRET cannot be stored: " + e.getMessage(), e);
        }
    }

    private void ensureLineChannel(Storefronts.StorefrontView storefront) {
        try {
            line.ensure(storefront.id(), properties.lineChannelSecret(), properties.lineAccessToken(), "bootstrap");
        } catch (InvalidValue e) {
            throw new IllegalStateException("The bootstrap LINE channel cannot be stored: " + e.getMessage(), e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
