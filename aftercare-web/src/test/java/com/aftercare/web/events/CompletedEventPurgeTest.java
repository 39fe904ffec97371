package com.aftercare.web.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.AftercareIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event publication registry keeps a completed publication a week, then forgets it (it holds
 * the event, personal data included); an incomplete one stays whatever its age, for its listener.
 */
@AftercareIntegrationTest
class CompletedEventPurgeTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CompletedEventPurge purge;

    @Test
    void shouldForgetPublicationsCompletedMoreThanAWeekAgoAndKeepTheRest() {
        UUID completedLongAgo = publication("8 days", "8 days");
        UUID completedRecently = publication("8 days", "6 days");
        UUID neverCompleted = publication("30 days", null);

        purge.purge();

        assertThat(exists(completedLongAgo)).as("completed 8 days ago").isFalse();
        assertThat(exists(completedRecently)).as("completed 6 days ago").isTrue();
        assertThat(exists(neverCompleted)).as("its listener has yet to run").isTrue();
    }

    private UUID publication(String publishedAgo, String completedAgo) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                                       completion_date, status, completion_attempts)
                        values (:id, 'purge-test.Listener', 'purge-test.Event', :event,
                                now() - cast(:published as interval), now() - cast(:completed as interval),
                                case when cast(:completed as interval) is null then 'PUBLISHED' else 'COMPLETED' end, 1)
                        """)
                .param("id", id)
                .param("event", "{\"customer\": \"山田 花子\", \"id\": \"" + id + "\"}")
                .param("published", publishedAgo)
                .param("completed", completedAgo)
                .update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from event_publication where id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }
}
