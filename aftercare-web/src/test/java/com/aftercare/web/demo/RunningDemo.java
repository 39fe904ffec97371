package com.aftercare.web.demo;

import com.aftercare.AftercareApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The demo as the README's first command starts it, once per test JVM: its own embedded
 * PostgreSQL and mail catcher (in a temporary data directory, not the suite's database) and the
 * ninety days of history replayed through the services. The replay takes minutes, so every test
 * class that looks at the demo shares this one (register it as a static
 * {@code @RegisterExtension} field); it stops when the whole run ends.
 */
public final class RunningDemo implements BeforeAllCallback {

    private Started started;

    @Override
    public void beforeAll(ExtensionContext context) {
        started = context.getRoot()
                .getStore(ExtensionContext.Namespace.create(RunningDemo.class))
                .computeIfAbsent(Started.class, key -> Started.start(), Started.class);
    }

    public ConfigurableApplicationContext app() {
        return started().app;
    }

    public JdbcClient db() {
        return started().app.getBean(JdbcClient.class);
    }

    public int port() {
        return Integer.parseInt(started().app.getEnvironment().getProperty("local.server.port"));
    }

    public String adminPassword() {
        return (String) started().demo.properties().get("aftercare.bootstrap.admin-password");
    }

    private Started started() {
        if (started == null) {
            throw new IllegalStateException("register RunningDemo as a static @RegisterExtension field");
        }
        return started;
    }

    /** The demo's servers and application; closed by JUnit when the run ends. */
    private record Started(DemoMode.Running demo, ConfigurableApplicationContext app, Path data)
            implements AutoCloseable {

        static Started start() {
            Path data;
            try {
                data = Files.createTempDirectory("aftercare-demo-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DemoMode.Running demo = DemoMode.start(Map.of("AFTERCARE_DEMO_DATA_DIR", data.toString()));
            Map<String, Object> properties = new HashMap<>(demo.properties());
            properties.put("server.port", 0);
            SpringApplication application = new SpringApplication(AftercareApplication.class);
            application.setDefaultProperties(properties);
            try {
                return new Started(demo, application.run(), data);
            } catch (RuntimeException e) {
                try {
                    demo.servers().close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                app.close();
            } finally {
                demo.servers().close();
                FileSystemUtils.deleteRecursively(data);
            }
        }
    }
}
