package com.aftercare.web.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first README command's mode: its own PostgreSQL and SMTP catcher, or a clear way out. */
class DemoModeTest {

    @TempDir
    Path dir;

    @Test
    void shouldStartOnlyWhenNoDatabaseIsConfigured() {
        assertThat(DemoMode.wanted(new String[0], Map.of())).isTrue();
        assertThat(DemoMode.wanted(new String[0], Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/aftercare")))
                .isFalse();
        assertThat(DemoMode.wanted(new String[] {"--spring.datasource.url=jdbc:postgresql://db/x"}, Map.of()))
                .isFalse();
    }

    @Test
    void shouldKeepDataAndCredentialsAcrossRestarts() throws Exception {
        Map<String, String> env = Map.of("AFTERCARE_DEMO_DATA_DIR", dir.toString());
        Map<String, Object> first;
        try (AutoCloseable servers = started(env)) {
            first = lastStarted.properties();
            try (Connection db = connect(first);
                    Statement sql = db.createStatement()) {
                sql.execute("create table survives (word text)");
                sql.execute("insert into survives values ('残る')");
            }
            try (Socket smtp = new Socket("127.0.0.1", (Integer) first.get("spring.mail.port"))) {
                assertThat(new String(smtp.getInputStream().readNBytes(3))).isEqualTo("220");
            }
        }
        try (AutoCloseable servers = started(env)) {
            Map<String, Object> second = lastStarted.properties();
            try (Connection db = connect(second);
                    Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("select word from survives")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("残る");
            }
            assertThat(second.get("aftercare.bootstrap.api-key")).isEqualTo(first.get("aftercare.bootstrap.api-key"));
            assertThat(second.get("aftercare.bootstrap.admin-password"))
                    .isEqualTo(first.get("aftercare.bootstrap.admin-password"));
            assertThat(second.get("server.address")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void shouldStopWithTheWayOutWhenTheDataDirectoryCannotBeUsed() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file, not a directory");

        assertThatThrownBy(() -> DemoMode.start(Map.of("AFTERCARE_DEMO_DATA_DIR", notADirectory.toString())))
                .isInstanceOf(DemoMode.DemoModeUnavailable.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageContaining("docker compose up");
    }

    @Test
    void shouldStopWithTheWayOutWhenAnotherInstanceUsesTheDataDirectory() throws Exception {
        Map<String, String> env = Map.of("AFTERCARE_DEMO_DATA_DIR", dir.toString());
        try (AutoCloseable servers = started(env)) {
            assertThatThrownBy(() -> DemoMode.start(env))
                    .isInstanceOf(DemoMode.DemoModeUnavailable.class)
                    .hasMessageContaining("embedded PostgreSQL could not start")
                    .hasMessageContaining("SPRING_DATASOURCE_URL");
        }
    }

    private DemoMode.Running lastStarted;

    private AutoCloseable started(Map<String, String> env) {
        lastStarted = DemoMode.start(env);
        return lastStarted.servers();
    }

    private static Connection connect(Map<String, Object> properties) throws Exception {
        return DriverManager.getConnection(
                (String) properties.get("spring.datasource.url"),
                (String) properties.get("spring.datasource.username"),
                (String) properties.get("spring.datasource.password"));
    }
}
