package com.aftercare.web.support;

import com.aftercare.testsupport.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test context at the suite's one PostgreSQL and one SMTP server. The scheduled
 * mail dispatcher and step-mail scheduler are off: tests run them explicitly, so no context
 * steals another's mail.
 */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** What every test context bootstraps, as automation would through the environment. */
    public static final String BOOTSTRAP_STOREFRONT = "it-bootstrap";

    public static final String BOOTSTRAP_API_KEY = "it-bootstrap-key-0123456789abcdef";
    public static final String ADMIN_PASSWORD = "admin-パスワード-1";
    public static final String BOOTSTRAP_SHOPIFY_SECRET = "it-bootstrap-shopify-secret-0123456789";
    public static final String LOGIN_FAILURES_PER_CLIENT = "aftercare.console.login.failures-per-client";
    public static final String TWO_FACTOR_REQUIRED_FOR_ADMINS = "aftercare.console.two-factor.required-for-admins";
    public static final String METRICS_TOKEN = "it-metrics-scrape-token-0123456789";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Connection db = TestDatabase.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.username());
        properties.put("spring.datasource.password", db.password());
        // Every cached test context keeps a pool of its own: small pools that shrink when idle keep
        // the whole suite well under PostgreSQL's default of 100 connections.
        properties.put("spring.datasource.hikari.maximum-pool-size", "5");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("spring.datasource.hikari.idle-timeout", "10000");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", TestMailServer.port());
        properties.put("aftercare.mail.dispatcher.enabled", "false");
        properties.put("aftercare.webhooks.dispatcher.enabled", "false");
        properties.put("aftercare.line.dispatcher.enabled", "false");
        properties.put("aftercare.stepmail.scheduler-enabled", "false");
        // the desk's time automations and SLA alerts: tests run them after moving their clock
        properties.put("aftercare.inquiry.automations.enabled", "false");
        properties.put("aftercare.link-secret", "test-link-secret-0123456789abcdefghij");
        properties.put("aftercare.returns.bank-account-key", "dGVzdC1iYW5rLWFjY291bnQta2V5LTMyLWJ5dGVzISE=");
        properties.put("aftercare.secrets.key", "dGVzdC1zZWNyZXRzLWtleS0zMi1ieXRlcy1sb25nISE=");
        // every test client is 127.0.0.1: the per-client portal limit is tested on its own
        properties.put("aftercare.portal.lookup.per-client", "100000");
        properties.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
        properties.put("aftercare.bootstrap.storefront", BOOTSTRAP_STOREFRONT);
        properties.put("aftercare.bootstrap.api-key", BOOTSTRAP_API_KEY);
        properties.put("aftercare.bootstrap.admin-password", ADMIN_PASSWORD);
        properties.put("aftercare.bootstrap.shopify-webhook-secret", BOOTSTRAP_SHOPIFY_SECRET);
        // every test client is 127.0.0.1, and the suite's tests of wrong passwords add up: the
        // per-client login limit is tested on its own (LoginThrottleTest sets it, in a context of its own)
        if (!context.getEnvironment().containsProperty(LOGIN_FAILURES_PER_CLIENT)) {
            properties.put(LOGIN_FAILURES_PER_CLIENT, "100000");
        }
        // the suite signs in as the bootstrap admin everywhere; two-factor sign-in, required for
        // admins by default, is tested in contexts that keep that default (TwoFactorSignInTest)
        if (!context.getEnvironment().containsProperty(TWO_FACTOR_REQUIRED_FOR_ADMINS)) {
            properties.put(TWO_FACTOR_REQUIRED_FOR_ADMINS, "false");
        }
        properties.put("aftercare.metrics.token", METRICS_TOKEN);
        // gauges read the database on every scrape, so a test sees what it just wrote
        properties.put("aftercare.metrics.snapshot-max-age", "0s");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("aftercare-test", properties));
    }
}
