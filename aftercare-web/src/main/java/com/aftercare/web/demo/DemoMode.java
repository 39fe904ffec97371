package com.aftercare.web.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.modulith.NamedInterface;

/**
 * The first README command's mode: when no database is configured, Aftercare starts its own
 * PostgreSQL (data kept in a local directory, so it survives restarts) and an SMTP catcher that
 * logs every mail instead of sending it, a LINE stand-in that does the same for LINE messages
 * ({@link DemoLinePlatform}), and seeds a demo shop. Nothing here runs when
 * {@code SPRING_DATASOURCE_URL} is set.
 */
// what the application's main method asks before anything starts: the one type of web it uses
@NamedInterface("demo")
public final class DemoMode {

    private DemoMode() {}

    /** True when the operator gave no database, so demo mode should start. */
    public static boolean wanted(String[] args, Map<String, String> env) {
        boolean inArgs = Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="));
        String fromEnv = env.get("SPRING_DATASOURCE_URL");
        return !inArgs && (fromEnv == null || fromEnv.isBlank()) && System.getProperty("spring.datasource.url") == null;
    }

    /** The embedded servers, the properties that point Aftercare at them, and how to stop them. */
    public record Running(Map<String, Object> properties, AutoCloseable servers) {}

    /**
     * Starts the embedded servers and returns the properties that point Aftercare at them.
     *
     * @throws DemoModeUnavailable with the reason and the way out when something cannot start
     */
    public static Running start(Map<String, String> env) {
        Path dataDir =
                Path.of(env.getOrDefault("AFTERCARE_DEMO_DATA_DIR", "data")).toAbsolutePath();
        Path pgData = dataDir.resolve("postgres");
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Whoever started it stops it, after the app: see AftercareApplication.
                    .setRegisterShutdownHook(false)
                    // Japanese text needs UTF-8; the process locale (often C/POSIX) would give SQL_ASCII.
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setPort(freePort())
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new DemoModeUnavailable(
                    "the embedded PostgreSQL could not start in " + pgData + " (" + rootMessage(e) + ")"
                            + (Files.exists(pgData.resolve("postmaster.pid"))
                                    ? "; another Aftercare may be using that directory"
                                    : ""),
                    e);
        }
        GreenMail smtp;
        int smtpPort;
        try {
            smtpPort = freePort();
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        } catch (IOException | RuntimeException e) {
            closeQuietly(postgres);
            throw new DemoModeUnavailable("the demo SMTP catcher could not start (" + rootMessage(e) + ")", e);
        }
        AutoCloseable mailLog = CaughtMailLog.watch(smtp);
        DemoLinePlatform line = DemoLinePlatform.start();
        AutoCloseable servers = () -> {
            line.close();
            mailLog.close();
            smtp.stop();
            closeQuietly(postgres);
        };

        Credentials credentials;
        try {
            credentials = Credentials.loadOrCreate(dataDir.resolve("demo-credentials.properties"));
        } catch (DemoModeUnavailable e) {
            closeQuietly(servers);
            throw e;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtpPort);
        // GreenMail writes each line of its EHLO answer on its own, so Nagle and the client's delayed
        // ACK make every connection wait ~40 ms; the catcher needs no SMTP extension, so the demo
        // says HELO (half the history's replay was spent in that wait, bench/demo/run.sh)
        properties.put("spring.mail.properties.mail.smtp.ehlo", false);
        // Demo credentials are printed on the console: keep the server on this machine.
        properties.put("server.address", env.getOrDefault("SERVER_ADDRESS", "127.0.0.1"));
        properties.put("aftercare.demo.enabled", true);
        // the demo storefront's LINE channel talks to the stand-in, never to LINE (application.properties)
        properties.put("aftercare.demo.line-api-base-url", line.url());
        // the demo shop's name in mails and pages (AFTERCARE_SHOP_NAME still wins)
        properties.put("aftercare.shop.name", "こもれび");
        properties.put("aftercare.bootstrap.storefront", "demo-shop");
        properties.put("aftercare.bootstrap.storefront-name", "こもれび 本店");
        properties.put("aftercare.bootstrap.api-key", credentials.apiKey());
        properties.put("aftercare.bootstrap.admin-password", credentials.adminPassword());
        properties.put("aftercare.link-secret", credentials.linkSecret());
        properties.put("aftercare.returns.bank-account-key", credentials.bankAccountKey());
        properties.put("aftercare.secrets.key", credentials.secretsKey());
        // a first look at the console must not need an authenticator app; any operator can still
        // turn two-factor sign-in on (マイアカウント), and production requires it of admins
        properties.putIfAbsent("aftercare.console.two-factor.required-for-admins", false);
        return new Running(Map.copyOf(properties), servers);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // best effort while giving up or shutting down
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Demo mode could not start; the message says why and what to do instead. */
    @NamedInterface("demo")
    public static final class DemoModeUnavailable extends RuntimeException {
        DemoModeUnavailable(String reason, Throwable cause) {
            super(
                    "Aftercare demo mode cannot start: " + reason + ".\n"
                            + "Either point Aftercare at a PostgreSQL 15+ database with SPRING_DATASOURCE_URL "
                            + "(and SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD), or run the production shape with "
                            + "`docker compose up`. To keep demo mode, free the directory or set AFTERCARE_DEMO_DATA_DIR to another one.",
                    cause);
        }
    }

    /** Generated once per data directory, so the printed key and password stay the same across restarts. */
    record Credentials(
            String apiKey, String adminPassword, String linkSecret, String bankAccountKey, String secretsKey) {

        static Credentials loadOrCreate(Path file) {
            Properties properties = new Properties();
            try {
                if (Files.exists(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        properties.load(in);
                    }
                }
                if (properties.getProperty("apiKey") == null
                        || properties.getProperty("adminPassword") == null
                        || properties.getProperty("linkSecret") == null
                        || properties.getProperty("bankAccountKey") == null
                        || properties.getProperty("secretsKey") == null) {
                    SecureRandom random = new SecureRandom();
                    properties.putIfAbsent("apiKey", "ak_demo_" + token(random, 24));
                    properties.putIfAbsent("adminPassword", token(random, 12));
                    properties.putIfAbsent("linkSecret", token(random, 32));
                    // Added later than the others: an existing file keeps its key and password.
                    properties.putIfAbsent("bankAccountKey", token(random, 32));
                    properties.putIfAbsent("secretsKey", token(random, 32));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        properties.store(out, "Aftercare demo credentials (demo mode only)");
                    }
                }
            } catch (IOException e) {
                throw new DemoModeUnavailable(
                        "cannot keep demo credentials in " + file + " (" + e.getMessage() + ")", e);
            }
            return new Credentials(
                    properties.getProperty("apiKey"),
                    properties.getProperty("adminPassword"),
                    properties.getProperty("linkSecret"),
                    properties.getProperty("bankAccountKey"),
                    properties.getProperty("secretsKey"));
        }

        private static String token(SecureRandom random, int bytes) {
            byte[] buffer = new byte[bytes];
            random.nextBytes(buffer);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
        }
    }
}
