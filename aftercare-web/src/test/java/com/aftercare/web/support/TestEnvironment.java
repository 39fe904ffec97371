package com.aftercare.web.support;

import com.aftercare.testsupport.TestDatabase;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test context at the suite's one PostgreSQL and one SMTP server. The scheduled
 * mail dispatcher is off: tests dispatch explicitly, so no context steals another's mail.
 */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** What every test context bootstraps, as automation would through the environment. */
    public static final String BOOTSTRAP_STOREFRONT = "it-bootstrap";

    public static final String BOOTSTRAP_API_KEY = "it-bootstrap-key-0123456789abcdef";
    public static final String ADMIN_PASSWORD = "admin-パスワード-1";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Connection db = TestDatabase.get();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "aftercare-test",
                        Map.of(
                                "spring.datasource.url",
                                db.url(),
                                "spring.datasource.username",
                                db.username(),
                                "spring.datasource.password",
                                db.password(),
                                "spring.mail.host",
                                "127.0.0.1",
                                "spring.mail.port",
                                TestMailServer.port(),
                                "aftercare.mail.dispatcher.enabled",
                                "false",
                                "spring.modulith.events.republish-outstanding-events-on-restart",
                                "false",
                                "aftercare.bootstrap.storefront",
                                BOOTSTRAP_STOREFRONT,
                                "aftercare.bootstrap.api-key",
                                BOOTSTRAP_API_KEY,
                                "aftercare.bootstrap.admin-password",
                                ADMIN_PASSWORD)));
    }
}
