package com.aftercare.web.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spring Modulith's event publication registry as a test reads it: whether an after-commit
 * listener has handled an event, found by the listener's class, the event's type and a value its
 * stored form contains (an RMA, a tracking number, {@code "order":{"value":42}}).
 */
public final class Publications {

    private Publications() {}

    /** How many such publications are completed. */
    public static long completed(JdbcClient jdbc, String listener, String eventType, Object marker) {
        return jdbc.sql("""
                        select count(*) from event_publication
                         where completion_date is not null and listener_id like :listener
                           and event_type like :event and serialized_event like :marker
                        """)
                .param("listener", "%" + listener + "%")
                .param("event", "%" + eventType)
                .param("marker", "%" + marker + "%")
                .query(Long.class)
                .single();
    }

    /** Waits until exactly one such publication is completed. */
    public static void awaitCompletedOnce(JdbcClient jdbc, String listener, String eventType, Object marker) {
        await().atMost(Duration.ofSeconds(20)).until(() -> completed(jdbc, listener, eventType, marker) == 1);
    }
}
