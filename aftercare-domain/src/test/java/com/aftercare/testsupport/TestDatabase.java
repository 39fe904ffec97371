package com.aftercare.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place that gives the test suite a real PostgreSQL, in this order:
 * <ol>
 *   <li>{@code AFTERCARE_TEST_DB_URL} (with {@code AFTERCARE_TEST_DB_USERNAME}/{@code _PASSWORD}),
 *       which CI sets to a fresh database on the machine's PostgreSQL;
 *   <li>Testcontainers, when a Docker engine answers;
 *   <li>an embedded PostgreSQL (zonky, binaries from Maven Central);
 *   <li>otherwise the suite fails at once saying how to provide one.
 * </ol>
 * The database is started once per JVM and shared by every Spring context; tests keep apart
 * by using their own storefronts, order numbers and addresses.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password, String source) {}

    private static Connection connection;

    private TestDatabase() {}

    public static synchronized Connection get() {
        if (connection == null) {
            connection = provide();
        }
        return connection;
    }

    private static Connection provide() {
        String url = System.getenv("AFTERCARE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(
                    url,
                    envOr("AFTERCARE_TEST_DB_USERNAME", "postgres"),
                    envOr("AFTERCARE_TEST_DB_PASSWORD", ""),
                    "AFTERCARE_TEST_DB_URL");
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new Connection(
                    container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            // After the Spring contexts have closed, not beside them: a JVM shutdown hook of its own
            // ran at the same time, stopped PostgreSQL under the closing contexts, and left their
            // pools waiting 30 s for a connection (Surefire's "kill self fork JVM" at every run).
            SpringApplication.getShutdownHandlers().add(() -> closeQuietly(postgres));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded PostgreSQL");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "No PostgreSQL for the tests. Set AFTERCARE_TEST_DB_URL (for example "
                            + "jdbc:postgresql://127.0.0.1:5432/aftercare_test with AFTERCARE_TEST_DB_USERNAME), "
                            + "or start a Docker engine for Testcontainers. The embedded PostgreSQL could not start: "
                            + e.getMessage(),
                    e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is going away anyway
        }
    }
}
