package com.aftercare.web.console.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An export is streamed: rows go to the response as they are read from the database, never
 * gathered first. Shown over a real port on PostgreSQL with no hook in the application: a client
 * reads the first rows of a file far larger than the socket buffers and then stops reading. Were
 * the rows gathered first, the query would be over (its transaction committed) before the first
 * byte left; streamed, the server waits to write the rest with the export's cursor still open,
 * which PostgreSQL itself shows as a session idle in the transaction of that very select.
 */
@AftercareIntegrationTest
class StreamedExportTest {

    /** About 1.2 kB a row: 25,000 rows make a file of some 30 MB, well beyond the loopback buffers. */
    static final int ROWS = 25_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String actor;

    @BeforeEach
    void aLongTrail() {
        actor = Events.unique("bulk");
        // negative target ids, no real customer's: other tests count the reveals of their customer
        jdbc.sql("""
                        insert into audit_log (actor, action, target_type, target_id, details)
                        select :actor, 'customer.revealed', 'customer', (-g)::text, jsonb_build_object('note', repeat('あ', 400))
                          from generate_series(1, :rows) g
                        """).param("actor", actor).param("rows", ROWS).update();
    }

    @AfterEach
    void removeTheTrail() {
        jdbc.sql("delete from audit_log where actor = :actor")
                .param("actor", actor)
                .update();
    }

    @Test
    void shouldSendTheFirstRowsWhileTheCursorIsStillReadingTheRest() throws Exception {
        ConsoleClient admin = ConsoleClient.loggedInAsAdmin(port);

        HttpResponse<InputStream> response = admin.open("/console/admin/audit/export?actor=" + actor);

        assertThat(response.statusCode()).isEqualTo(200);
        // no length known in advance: the file is sent in chunks as it is written
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(body.readLine()).contains("日時");
            assertThat(body.readLine()).contains(actor);
            // the client reads no further: the server must wait, in the middle of the cursor
            await().atMost(Duration.ofSeconds(60)).until(this::exportCursorOpen);
            assertThat(exportsAudited()).as("the export is not over").isZero();

            long rest = body.lines().count();
            assertThat(rest).isEqualTo(ROWS - 1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> exportsAudited() == 1);
        assertThat(jdbc.sql("""
                        select (details->>'rows')::int as rows, (details->>'complete')::boolean as complete
                          from audit_log where action = 'csv.exported' and details->'filter'->>'actor' = :actor
                        """).param("actor", actor).query().singleRow())
                .isEqualTo(Map.of("rows", ROWS, "complete", true));
    }

    /** A session of this database inside a transaction whose last statement is the export's select. */
    private boolean exportCursorOpen() {
        return jdbc.sql("""
                        select count(*) from pg_stat_activity
                         where datname = current_database() and pid <> pg_backend_pid()
                           and state = 'idle in transaction'
                           and query like '%from audit_log%' and query like '%order by id desc%'
                        """).query(Long.class).single() > 0;
    }

    private long exportsAudited() {
        return jdbc.sql("""
                        select count(*) from audit_log
                         where action = 'csv.exported' and details->'filter'->>'actor' = :actor
                        """).param("actor", actor).query(Long.class).single();
    }
}
